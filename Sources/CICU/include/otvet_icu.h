#ifndef OTVET_ICU_H
#define OTVET_ICU_H

/* The system ICU, seen from Swift only through stdint types.
 * Foundation carries its own ICU; a Swift file that imported the system
 * ICU headers next to Foundation would not compile, so every ICU call
 * lives in otvet_icu.c and this header exposes plain integers. */

#include <stdint.h>

/* Classes of ICU word-break rule status, folded to what Otvet needs. */
enum {
    OTVET_SEGMENT_NONE = 0,    /* spaces, punctuation, symbols */
    OTVET_SEGMENT_NUMBER = 1,
    OTVET_SEGMENT_LETTER = 2,
    OTVET_SEGMENT_IDEO = 3     /* kana and ideographs */
};

/* A break iterator over a caller-owned text, read in batches so that a
 * large text needs no boundary array as large as itself. The text must
 * outlive the iterator. */
typedef struct otvet_breaker otvet_breaker;

enum { OTVET_BREAK_WORD = 0, OTVET_BREAK_SENTENCE = 1 };

otvet_breaker *otvet_breaker_open(int32_t type, const uint16_t *text, int32_t length, int32_t *error);

/* Writes up to capacity further boundaries (and, for words, their
 * classes; classes may be NULL); returns how many, 0 at the end. */
int32_t otvet_breaker_next(otvet_breaker *breaker, int32_t *ends, uint8_t *classes, int32_t capacity);

void otvet_breaker_close(otvet_breaker *breaker);

/* Counts ICU word segments without keeping them: the bare ICU baseline
 * that the benchmark compares the full analysis against. */
int32_t otvet_word_segment_count(const uint16_t *text, int32_t length, int32_t *error);

/* Counts ICU sentence segments the same way. */
int32_t otvet_sentence_segment_count(const uint16_t *text, int32_t length, int32_t *error);

/* NFC normalisation. Returns the length needed; when it exceeds capacity
 * nothing useful is written and the caller retries with more room. */
int32_t otvet_to_nfc(const uint16_t *source, int32_t length,
                     uint16_t *destination, int32_t capacity, int32_t *error);

/* Full Unicode lower-casing (root locale), same contract as otvet_to_nfc. */
int32_t otvet_to_lower(const uint16_t *source, int32_t length,
                       uint16_t *destination, int32_t capacity, int32_t *error);

/* The ICU name of an error code, e.g. "U_MEMORY_ALLOCATION_ERROR". */
const char *otvet_icu_error_name(int32_t error);

#endif
