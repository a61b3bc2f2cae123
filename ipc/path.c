/* The one form of path that crosses the boundary; see path.h. */
#include <string.h>

#include "catalogue.h"
#include "path.h"

int
ipc_path_canonical(const char *path)
{
	const char *seg, *end;
	size_t n = strlen(path);

	if (n == 0 || n > IPC_MAX_PATH || path[0] != '/')
		return 0;
	if (n == 1)
		return 1;
	if (path[n - 1] == '/')
		return 0;
	for (seg = path + 1; ; seg = end + 1) {
		end = strchr(seg, '/');
		if (end == NULL)
			end = path + n;
		if (end == seg)
			return 0;
		if ((end - seg == 1 && seg[0] == '.') ||
		    (end - seg == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		if (*end == '\0')
			return 1;
	}
}
