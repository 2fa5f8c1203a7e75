#include "otvet_icu.h"

#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

/* Opening a break iterator loads its rules; cloning a prototype is cheap.
 * Prototypes are made once and only ever cloned, which ICU allows from
 * several threads at a time. */
static UBreakIterator *word_prototype;
static UBreakIterator *sentence_prototype;
static UErrorCode prototype_error = U_ZERO_ERROR;
static pthread_once_t prototypes_once = PTHREAD_ONCE_INIT;

static void make_prototypes(void) {
    UErrorCode status = U_ZERO_ERROR;
    word_prototype = ubrk_open(UBRK_WORD, "ru", NULL, 0, &status);
    if (U_SUCCESS(status)) {
        sentence_prototype = ubrk_open(UBRK_SENTENCE, "ru", NULL, 0, &status);
    }
    prototype_error = status;
}

static UBreakIterator *clone_over(UBreakIterator **prototype, const uint16_t *text,
                                  int32_t length, int32_t *error) {
    pthread_once(&prototypes_once, make_prototypes);
    UErrorCode status = prototype_error;
    if (U_FAILURE(status)) {
        *error = status;
        return NULL;
    }
    UBreakIterator *iterator = ubrk_clone(*prototype, &status);
    if (U_SUCCESS(status)) {
        ubrk_setText(iterator, (const UChar *)text, length, &status);
    }
    if (U_FAILURE(status)) {
        if (iterator) ubrk_close(iterator);
        *error = status;
        return NULL;
    }
    return iterator;
}

static uint8_t fold_status(int32_t status) {
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return OTVET_SEGMENT_NUMBER;
    if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return OTVET_SEGMENT_LETTER;
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT) return OTVET_SEGMENT_IDEO;
    return OTVET_SEGMENT_NONE;
}

otvet_breaker *otvet_breaker_open(int32_t type, const uint16_t *text, int32_t length, int32_t *error) {
    *error = U_ZERO_ERROR;
    UBreakIterator *iterator = clone_over(type == OTVET_BREAK_WORD ? &word_prototype : &sentence_prototype,
                                          text, length, error);
    return (otvet_breaker *)iterator;
}

int32_t otvet_breaker_next(otvet_breaker *breaker, int32_t *ends, uint8_t *classes, int32_t capacity) {
    UBreakIterator *iterator = (UBreakIterator *)breaker;
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = ubrk_next(iterator);
        if (end == UBRK_DONE) break;
        ends[count] = end;
        if (classes) classes[count] = fold_status(ubrk_getRuleStatus(iterator));
        count++;
    }
    return count;
}

void otvet_breaker_close(otvet_breaker *breaker) {
    if (breaker) ubrk_close((UBreakIterator *)breaker);
}

static int32_t count_segments(UBreakIterator **prototype, const uint16_t *text, int32_t length,
                              int32_t *error) {
    *error = U_ZERO_ERROR;
    if (length == 0) return 0;
    UBreakIterator *iterator = clone_over(prototype, text, length, error);
    if (!iterator) return -1;
    int32_t count = 0;
    while (ubrk_next(iterator) != UBRK_DONE) count++;
    ubrk_close(iterator);
    return count;
}

int32_t otvet_word_segment_count(const uint16_t *text, int32_t length, int32_t *error) {
    return count_segments(&word_prototype, text, length, error);
}

int32_t otvet_sentence_segment_count(const uint16_t *text, int32_t length, int32_t *error) {
    return count_segments(&sentence_prototype, text, length, error);
}

int32_t otvet_to_nfc(const uint16_t *source, int32_t length,
                     uint16_t *destination, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) {
        *error = status;
        return -1;
    }
    int32_t needed = unorm2_normalize(nfc, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &status);
    *error = (status == U_BUFFER_OVERFLOW_ERROR) ? U_ZERO_ERROR : status;
    return U_FAILURE(*error) ? -1 : needed;
}

int32_t otvet_to_lower(const uint16_t *source, int32_t length,
                       uint16_t *destination, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = u_strToLower((UChar *)destination, capacity, (const UChar *)source,
                                  length, "", &status);
    *error = (status == U_BUFFER_OVERFLOW_ERROR) ? U_ZERO_ERROR : status;
    return U_FAILURE(*error) ? -1 : needed;
}

const char *otvet_icu_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}
