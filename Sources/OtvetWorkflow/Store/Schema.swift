/// The SQLite schema, as ordered migrations.
enum Schema {
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register("001-workflow", """
            CREATE TABLE organisations (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                parent_id INTEGER REFERENCES organisations(id),
                policy TEXT
            );
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                roles TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE categories (
                id INTEGER PRIMARY KEY,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                name TEXT NOT NULL,
                parent_id INTEGER REFERENCES categories(id),
                term_days INTEGER NOT NULL,
                fast_track_hours INTEGER NOT NULL,
                UNIQUE (organisation_id, parent_id, name)
            );
            CREATE TABLE templates (
                id INTEGER PRIMARY KEY,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                name TEXT NOT NULL,
                text TEXT NOT NULL,
                score REAL NOT NULL,
                verdict TEXT NOT NULL,
                findings TEXT NOT NULL,
                UNIQUE (organisation_id, name)
            );
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                organisation_id INTEGER NOT NULL REFERENCES organisations(id),
                category_id INTEGER REFERENCES categories(id),
                subcategory_id INTEGER REFERENCES categories(id),
                text TEXT NOT NULL,
                applicant TEXT NOT NULL,
                region TEXT,
                problem_address TEXT,
                attachments TEXT NOT NULL,
                received_at TEXT NOT NULL,
                deadline TEXT NOT NULL,
                fast_track INTEGER NOT NULL,
                source TEXT NOT NULL,
                repeat_count INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL,
                executor_id INTEGER REFERENCES users(id),
                head_id INTEGER REFERENCES users(id),
                redirect_to TEXT,
                answered_at TEXT,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX messages_by_folder ON messages (organisation_id, state);
            CREATE INDEX messages_by_received ON messages (received_at);
            CREATE TABLE drafts (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL REFERENCES messages(id),
                version INTEGER NOT NULL,
                author_id INTEGER NOT NULL REFERENCES users(id),
                type TEXT NOT NULL,
                text TEXT NOT NULL,
                signer_position TEXT NOT NULL,
                signer_name TEXT NOT NULL,
                comment TEXT,
                template_id INTEGER REFERENCES templates(id),
                created_at TEXT NOT NULL,
                score REAL NOT NULL,
                verdict TEXT NOT NULL,
                findings TEXT NOT NULL,
                UNIQUE (message_id, version)
            );
            CREATE TABLE history (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL REFERENCES messages(id),
                at TEXT NOT NULL,
                actor_id INTEGER REFERENCES users(id),
                role TEXT,
                action TEXT NOT NULL,
                comment TEXT,
                draft_version INTEGER,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                override_reason TEXT
            );
            CREATE INDEX history_by_message ON history (message_id);
            CREATE INDEX history_by_time ON history (at);
            """)
        migrator.register("002-sessions", """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id),
                role TEXT NOT NULL,
                csrf TEXT NOT NULL,
                kind TEXT NOT NULL,
                name TEXT,
                created_at TEXT NOT NULL,
                expires_at TEXT
            );
            CREATE INDEX sessions_by_expiry ON sessions (expires_at);
            """)
        // UNIQUE (organisation_id, parent_id, name) lets top-level categories repeat: NULLs differ in SQL.
        migrator.register("003-unique-top-level-categories", """
            CREATE UNIQUE INDEX categories_by_name ON categories (organisation_id, IFNULL(parent_id, 0), name);
            """)
        return migrator
    }
}
