#!/bin/sh
# Turns the readable default policy into a C string compiled into privd.
set -e
echo '/* Generated from policy/default.policy by policy/embed.sh. */'
echo '#include <stddef.h>'
echo 'const char policy_default_text[] ='
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/	"/' -e 's/$/\\n"/' "$1"
echo ';'
echo 'const size_t policy_default_len = sizeof(policy_default_text) - 1;'
