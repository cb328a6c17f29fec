// The head office's only C: PostgreSQL's own client library, libpq (Debian's libpq-dev).
// It replaced postgres-nio, whose SwiftNIO and second BoringSSL were a third of a fresh build.
#include <libpq-fe.h>
