# hostql — SQL over the live state of a Linux host.
#
#   make            build bin: build/hostql (also build/hostqld),
#                   build/hostql-worker, build/hostql-logger
#   make check      build and run every test (unit, integration, sanitizers)
#   make run        build and run the daemon in the foreground
#   make install    install under $(DESTDIR)$(PREFIX), create the users
#   make deps       install the Debian packages the build needs (root)
#   make docs       write docs/tables.html, the table reference
#
# SAN=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-san/ (seccomp then logs instead of killing, as the sanitizers'
# runtime makes calls the allowlist does not have).

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec
MANDIR	?= $(PREFIX)/share/man
SBINDIR	?= $(PREFIX)/sbin
UNITDIR	?= $(PREFIX)/lib/systemd/system
STATEDIR ?= /var/lib/hostql
LOGDIR	?= /var/log/hostql
SYSCONFDIR ?= /etc
VERSION	= 0.1.0

PKGS	= libevent sqlite3 libseccomp libmd
PKGS_WORKER = $(PKGS) libedit libcrypto libpcre2-8 jansson libsodium
PKGS_TEST = check

ifeq ($(SAN),1)
CC	= clang
BUILD	?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
OPTFLAGS = -O1 -g
HARDEN	=
DEFS_SAN = -DHOSTQL_SECCOMP_LOG -DHOSTQL_SANITIZED
else
BUILD	?= build
SANFLAGS =
OPTFLAGS = -O2 -g
HARDEN	= -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection
DEFS_SAN =
endif
ifeq ($(SECCOMP_LOG),1)
DEFS_SAN += -DHOSTQL_SECCOMP_LOG
endif

CFLAGS	?= $(OPTFLAGS)
CFLAGS	+= -std=c11 -Wall -Wextra -Werror -Wshadow -Wpointer-arith \
	   -Wstrict-prototypes -Wmissing-prototypes -fPIE $(HARDEN) $(SANFLAGS)
# libcrypto's SHA instructions keep hash within reach of sha256sum.
CPPFLAGS += -D_GNU_SOURCE -DHOSTQL_VERSION=\"$(VERSION)\" -DHOSTQL_DIGEST_LIBCRYPTO \
	   $(DEFS_SAN) \
	   $(shell pkg-config --cflags $(PKGS_WORKER))
LDFLAGS	+= -pie -Wl,-z,relro,-z,now $(SANFLAGS)

LIBS_PRIVD  = $(shell pkg-config --libs libevent libseccomp libsodium)
LIBS_LOGGER = $(shell pkg-config --libs libevent libseccomp sqlite3 jansson \
	      libsodium)
LIBS_WORKER = $(shell pkg-config --libs $(PKGS_WORKER)) -lm
LIBS_TEST   = $(shell pkg-config --libs $(PKGS_TEST))

IPC_SRC	    = $(wildcard ipc/*.c)
SANDBOX_SRC = $(wildcard sandbox/*.c)
POLICY_SRC  = $(wildcard policy/*.c)
PRIVD_SRC   = $(filter-out privd/main.c,$(wildcard privd/*.c))
WORKER_SRC  = $(filter-out worker/main.c,$(wildcard worker/*.c))
# The chain and the stream names are the worker's too (hostql verify).
LOGGER_SHARED = logger/chain.c logger/streams.c
LOGGER_SRC  = $(filter-out logger/main.c $(LOGGER_SHARED),$(wildcard logger/*.c))
TABLES_SRC  = $(wildcard tables/*.c)

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))

COMMON_OBJ = $(call obj,$(IPC_SRC) $(SANDBOX_SRC))
PRIVD_OBJ  = $(call obj,$(PRIVD_SRC) $(POLICY_SRC)) $(BUILD)/policy_default.o
WORKER_OBJ = $(call obj,$(WORKER_SRC) $(TABLES_SRC) $(LOGGER_SHARED)) \
	     $(BUILD)/registry.o
LOGGER_OBJ = $(call obj,$(LOGGER_SRC))

UNIT_SRC   = $(wildcard tests/unit/*.c)
UNIT_BIN   = $(BUILD)/unit-tests

all: $(BUILD)/hostql $(BUILD)/hostqld $(BUILD)/hostql-worker \
	$(BUILD)/hostql-logger

$(BUILD)/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# Install paths compiled into privd; rewritten only when they change, so
# "make install PREFIX=..." rebuilds what depends on them.
$(BUILD)/paths.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define HOSTQL_LIBEXECDIR "%s"\n#define HOSTQL_SYSCONFDIR "%s"\n' \
	    "$(LIBEXECDIR)/hostql" "$(SYSCONFDIR)" > $@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

$(call obj,$(wildcard privd/*.c)): $(BUILD)/paths.h
$(call obj,$(wildcard privd/*.c)): CPPFLAGS += -I$(BUILD)

# The default policy is compiled in from its readable source.
$(BUILD)/policy_default.c: policy/default.policy policy/embed.sh
	@mkdir -p $(dir $@)
	sh policy/embed.sh $< > $@

$(BUILD)/policy_default.o: $(BUILD)/policy_default.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/hostql: $(BUILD)/privd/main.o $(PRIVD_OBJ) $(COMMON_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_PRIVD)

$(BUILD)/hostql-worker: $(BUILD)/worker/main.o $(WORKER_OBJ) $(COMMON_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_WORKER) $(shell pkg-config --libs libseccomp)

# One program, two names, as osqueryi and osqueryd: run as hostqld it is
# the daemon.
$(BUILD)/hostqld: $(BUILD)/hostql
	ln -f $< $@

$(BUILD)/hostql-logger: $(BUILD)/logger/main.o $(LOGGER_OBJ) \
	    $(call obj,$(LOGGER_SHARED)) $(COMMON_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_LOGGER)

# Suites and tables are listed by their files' names, so adding a file is
# all it takes to add one.
$(BUILD)/unit_suites.h: $(UNIT_SRC)
	@mkdir -p $(dir $@)
	ls tests/unit/test_*.c | sed 's,.*/test_\(.*\)\.c,SUITE(\1),' > $@.tmp
	cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

$(BUILD)/tests/unit/main.o: $(BUILD)/unit_suites.h
$(BUILD)/tests/unit/main.o: CPPFLAGS += -I$(BUILD)

$(BUILD)/registry.c: $(TABLES_SRC) tables/registry.sh
	@mkdir -p $(dir $@)
	sh tables/registry.sh $(TABLES_SRC) > $@.tmp
	cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

$(BUILD)/registry.o: $(BUILD)/registry.c
	$(CC) $(CPPFLAGS) -I. $(CFLAGS) -c -o $@ $<

$(UNIT_BIN): $(call obj,$(UNIT_SRC)) $(PRIVD_OBJ) $(WORKER_OBJ) $(LOGGER_OBJ) \
	    $(COMMON_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_PRIVD) $(LIBS_WORKER) $(LIBS_LOGGER) \
	    $(LIBS_TEST)

unit: $(UNIT_BIN)
	cd tests && ../$(UNIT_BIN)

# A worker that speaks the IPC with hostile intent, for the tests.
$(BUILD)/hostile-worker: $(BUILD)/tests/hostile/hostile_worker.o $(call obj,$(IPC_SRC))
	$(CC) $(LDFLAGS) -o $@ $^

integration: all $(BUILD)/hostile-worker
	BUILD=$(BUILD) sh tests/integration/run.sh

# Everything, then everything again under the sanitizers, then each
# fuzzer for a little while.
check: unit integration
	$(MAKE) SAN=1 unit integration
	FUZZ_SECONDS=$${FUZZ_SECONDS:-10} sh fuzz/run.sh

# The daemon in the foreground with its built-in config, state and logs
# under ./run, every log line on the terminal too: signed differential
# results within seconds.  ^C stops it, and the logs are then verified.
run: all
	sh packaging/make-run.sh $(BUILD) run

deps:
	sh packaging/debian-deps.sh

fuzz:
	$(MAKE) -f fuzz/Makefile

bench: all
	sh bench/run.sh

# The table reference, generated from the schema the worker serves and
# kept in the tree; run after changing a table.
docs: docs/tables.html

docs/tables.html: $(BUILD)/hostql $(BUILD)/hostql-worker docs/schema_html.py
	./$(BUILD)/hostql --schema_json > $(BUILD)/schema.json
	python3 docs/schema_html.py $(BUILD)/schema.json > $(BUILD)/tables.html
	cp $(BUILD)/tables.html $@

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) \
	    $(DESTDIR)$(LIBEXECDIR)/hostql
	install -m 0755 $(BUILD)/hostql $(DESTDIR)$(BINDIR)/hostql
	# hostqld is the same program under the daemon's name.
	ln -f $(DESTDIR)$(BINDIR)/hostql $(DESTDIR)$(SBINDIR)/hostqld 2>/dev/null || \
	    install -m 0755 $(BUILD)/hostql $(DESTDIR)$(SBINDIR)/hostqld
	install -m 0755 $(BUILD)/hostql-worker $(BUILD)/hostql-logger \
	    $(DESTDIR)$(LIBEXECDIR)/hostql/
	install -d $(DESTDIR)$(SYSCONFDIR)/hostql
	install -m 0644 policy/default.policy \
	    $(DESTDIR)$(SYSCONFDIR)/hostql/policy.example
	install -m 0644 packaging/hostqld.default.conf \
	    $(DESTDIR)$(SYSCONFDIR)/hostql/hostqld.conf.example
	install -d $(DESTDIR)$(UNITDIR)
	sed 's,/usr/local/sbin/hostqld,$(SBINDIR)/hostqld,' \
	    packaging/hostqld.service > $(DESTDIR)$(UNITDIR)/hostqld.service
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man8
	for m in hostql.1 hostqld.conf.5 hostqld.8; do \
	    sed 's,/usr/local/libexec,$(LIBEXECDIR),g' man/$$m > $(BUILD)/$$m && \
	    install -m 0644 $(BUILD)/$$m $(DESTDIR)$(MANDIR)/man$${m##*.}/$$m || \
	    exit 1; \
	done
	install -d -m 0755 $(DESTDIR)$(STATEDIR)
	install -d -m 0750 $(DESTDIR)$(LOGDIR)
	if [ -z "$(DESTDIR)" ]; then sh packaging/add-users.sh; fi

clean:
	rm -rf build build-san build-fuzz

.PHONY: all unit integration check run deps fuzz bench docs install clean \
	FORCE

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
