#include "otvet_http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 128

struct otvet_http_server {
    struct MHD_Daemon *daemon;
    otvet_http_handler handler;
    void *context;
    size_t max_body;
    unsigned connection_limit;
    atomic_uint active;
    uint16_t port;
};

/* What one request has gathered so far. */
typedef struct upload {
    uint8_t *data;
    size_t length;
    size_t capacity;
    int too_large;
} upload;

typedef struct fields {
    const char *names[MAX_FIELDS];
    const char *values[MAX_FIELDS];
    int count;
} fields;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    fields *collected = cls;
    if (collected->count < MAX_FIELDS) {
        collected->names[collected->count] = key;
        collected->values[collected->count] = value;
        collected->count++;
    }
    return MHD_YES;
}

static enum MHD_Result queue(struct MHD_Connection *connection, int status, const char *type, uint8_t *body,
                             size_t length, char *headers) {
    struct MHD_Response *response = MHD_create_response_from_buffer(length, body, MHD_RESPMEM_MUST_FREE);
    if (!response) {
        free(body);
        free(headers);
        return MHD_NO;
    }
    if (type) MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    if (headers) {
        char *line = headers;
        while (line && *line) {
            char *end = strchr(line, '\n');
            if (end) *end = '\0';
            char *colon = strchr(line, ':');
            if (colon) {
                *colon = '\0';
                const char *value = colon + 1;
                while (*value == ' ') value++;
                MHD_add_response_header(response, line, value);
            }
            line = end ? end + 1 : NULL;
        }
        free(headers);
    }
    enum MHD_Result result = MHD_queue_response(connection, (unsigned)status, response);
    MHD_destroy_response(response);
    return result;
}

static enum MHD_Result problem(struct MHD_Connection *connection, int status, const char *title, const char *detail) {
    char text[512];
    int length = snprintf(text, sizeof text,
                          "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}", title, status,
                          detail);
    uint8_t *body = malloc((size_t)length);
    if (!body) return MHD_NO;
    memcpy(body, text, (size_t)length);
    return queue(connection, status, "application/problem+json", body, (size_t)length, NULL);
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                                      const char *version, const char *upload_data, size_t *upload_data_size,
                                      void **request_state) {
    (void)version;
    otvet_http_server *server = cls;
    upload *state = *request_state;
    if (!state) {
        /* A declared length over the limit is refused before the body is read:
         * the client learns at once, and the server reads nothing it would drop. */
        const char *declared = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (declared) {
            char *end = NULL;
            unsigned long long length = strtoull(declared, &end, 10);
            if (end != declared && length > server->max_body) {
                return problem(connection, 413, "Payload Too Large", "the request body is larger than the server accepts");
            }
        }
        state = calloc(1, sizeof *state);
        if (!state) return MHD_NO;
        *request_state = state;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        size_t incoming = *upload_data_size;
        *upload_data_size = 0;
        if (state->too_large || state->length + incoming > server->max_body) {
            state->too_large = 1;
            free(state->data);
            state->data = NULL;
            state->length = 0;
            return MHD_YES;
        }
        if (state->length + incoming > state->capacity) {
            size_t capacity = state->capacity ? state->capacity : 4096;
            while (capacity < state->length + incoming) capacity *= 2;
            uint8_t *grown = realloc(state->data, capacity);
            if (!grown) return MHD_NO;
            state->data = grown;
            state->capacity = capacity;
        }
        memcpy(state->data + state->length, upload_data, incoming);
        state->length += incoming;
        return MHD_YES;
    }
    if (state->too_large) {
        return problem(connection, 413, "Payload Too Large", "the request body is larger than the server accepts");
    }
    if (atomic_load(&server->active) > server->connection_limit) {
        return problem(connection, 503, "Service Unavailable", "too many connections; try again shortly");
    }
    fields headers = {0}, query = {0};
    MHD_get_connection_values(connection, MHD_HEADER_KIND, collect, &headers);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collect, &query);

    char remote[INET6_ADDRSTRLEN] = "";
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info && info->client_addr) {
        if (info->client_addr->sa_family == AF_INET) {
            inet_ntop(AF_INET, &((const struct sockaddr_in *)info->client_addr)->sin_addr, remote, sizeof remote);
        } else if (info->client_addr->sa_family == AF_INET6) {
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)info->client_addr)->sin6_addr, remote, sizeof remote);
        }
    }
    otvet_http_request request = {
        .method = method, .path = url,
        .header_names = headers.names, .header_values = headers.values, .header_count = headers.count,
        .query_names = query.names, .query_values = query.values, .query_count = query.count,
        .body = state->data, .body_length = state->length, .remote_address = remote,
    };
    otvet_http_response response = {.status = 500};
    server->handler(server->context, &request, &response);
    if (!response.body) {
        response.body = malloc(1);
        response.body_length = 0;
    }
    return queue(connection, response.status, NULL, response.body, response.body_length, response.headers);
}

static void completed(void *cls, struct MHD_Connection *connection, void **request_state,
                      enum MHD_RequestTerminationCode code) {
    (void)cls; (void)connection; (void)code;
    upload *state = *request_state;
    if (state) {
        free(state->data);
        free(state);
        *request_state = NULL;
    }
}

static void connection_notice(void *cls, struct MHD_Connection *connection, void **socket_context,
                              enum MHD_ConnectionNotificationCode code) {
    (void)connection; (void)socket_context;
    otvet_http_server *server = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) atomic_fetch_add(&server->active, 1);
    else atomic_fetch_sub(&server->active, 1);
}

otvet_http_server *otvet_http_start(const otvet_http_config *config, otvet_http_handler handler, void *context,
                                    char *error, size_t error_size) {
    otvet_http_server *server = calloc(1, sizeof *server);
    if (!server) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    server->handler = handler;
    server->context = context;
    server->max_body = config->max_body;
    server->connection_limit = config->connection_limit;
    atomic_init(&server->active, 0);

    struct sockaddr_in v4 = {0};
    struct sockaddr_in6 v6 = {0};
    struct sockaddr *address;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
    if (inet_pton(AF_INET, config->host, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(config->port);
        address = (struct sockaddr *)&v4;
    } else if (inet_pton(AF_INET6, config->host, &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(config->port);
        address = (struct sockaddr *)&v6;
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(error, error_size, "'%s' is not an IPv4 or IPv6 address", config->host);
        free(server);
        return NULL;
    }
    server->daemon = MHD_start_daemon(
        flags, config->port, NULL, NULL, access_handler, server,
        MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(config->threads ? config->threads : 1),
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)(config->connection_limit * 2 + 16),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)config->timeout_seconds,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)config->max_header,
        MHD_OPTION_NOTIFY_COMPLETED, completed, server,
        MHD_OPTION_NOTIFY_CONNECTION, connection_notice, server,
        MHD_OPTION_END);
    if (!server->daemon) {
        snprintf(error, error_size, "cannot listen on %s port %u (in use, or not permitted)", config->host,
                 (unsigned)config->port);
        free(server);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(server->daemon, MHD_DAEMON_INFO_BIND_PORT);
    server->port = info ? info->port : config->port;
    return server;
}

uint16_t otvet_http_port(const otvet_http_server *server) { return server->port; }

unsigned otvet_http_active_connections(const otvet_http_server *server) {
    return atomic_load(&((otvet_http_server *)server)->active);
}

void otvet_http_stop(otvet_http_server *server) {
    if (!server) return;
    MHD_quiesce_daemon(server->daemon);
    MHD_stop_daemon(server->daemon);
    free(server);
}
