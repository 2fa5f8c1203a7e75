#include <sqlite3.h>

/* Swift cannot pass SQLITE_TRANSIENT (a function pointer cast from -1). */
static inline int otvet_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    return sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT);
}
