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

/* Splits text into ICU word segments (locale "ru").
 * Writes the end offset (UTF-16 units) and class of each segment.
 * capacity must be at least length; returns the number of segments,
 * or -1 with *error set to the ICU error code. */
int32_t otvet_word_segments(const uint16_t *text, int32_t length,
                            int32_t *ends, uint8_t *classes,
                            int32_t capacity, int32_t *error);

/* Counts ICU word segments without keeping them: the bare ICU baseline
 * that the benchmark compares the full analysis against. */
int32_t otvet_word_segment_count(const uint16_t *text, int32_t length, int32_t *error);

/* Sentence ends by ICU's sentence-break rules (locale "ru").
 * Same contract as otvet_word_segments. */
int32_t otvet_sentence_ends(const uint16_t *text, int32_t length,
                            int32_t *ends, int32_t capacity, int32_t *error);

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
