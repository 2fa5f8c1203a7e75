#ifndef OTVET_HTTP_H
#define OTVET_HTTP_H

/* libmicrohttpd behind a small non-variadic interface: Swift cannot call
 * MHD_start_daemon (variadic), and the upload protocol of the access
 * callback is easier to get right once, in C. This layer collects a whole
 * request (headers, query, body up to a limit), hands it to one handler,
 * and sends what the handler answers. */

#include <stddef.h>
#include <stdint.h>

typedef struct otvet_http_request {
    const char *method;
    const char *path;
    const char *const *header_names;
    const char *const *header_values;
    int header_count;
    const char *const *query_names;
    const char *const *query_values; /* NULL for "?flag" */
    int query_count;
    const uint8_t *body;
    size_t body_length;
    const char *remote_address;
} otvet_http_request;

/* Filled by the handler. body and headers must come from malloc: the
 * server frees them. headers is "Name: value\n" lines, or NULL. */
typedef struct otvet_http_response {
    int status;
    uint8_t *body;
    size_t body_length;
    char *headers;
} otvet_http_response;

typedef void (*otvet_http_handler)(void *context, const otvet_http_request *request, otvet_http_response *response);

typedef struct otvet_http_config {
    const char *host;          /* IPv4 or IPv6 literal */
    uint16_t port;             /* 0: any free port */
    unsigned threads;          /* worker threads */
    unsigned connection_limit; /* beyond it: 503 */
    unsigned timeout_seconds;  /* idle connections are closed */
    size_t max_body;           /* beyond it: 413 */
    size_t max_header;         /* per-connection memory for headers; beyond it libmicrohttpd answers 431 */
} otvet_http_config;

typedef struct otvet_http_server otvet_http_server;

/* Starts listening; NULL with a message in error on failure. */
otvet_http_server *otvet_http_start(const otvet_http_config *config, otvet_http_handler handler, void *context,
                                    char *error, size_t error_size);

/* The port actually bound (useful with port 0). */
uint16_t otvet_http_port(const otvet_http_server *server);

/* Connections open right now. */
unsigned otvet_http_active_connections(const otvet_http_server *server);

/* Stops accepting, lets requests in flight finish, stops the threads, frees the server. */
void otvet_http_stop(otvet_http_server *server);

#endif
