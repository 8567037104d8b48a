#ifndef TASKOPS_CCURL_H
#define TASKOPS_CCURL_H
#include <curl/curl.h>

/* Typed wrappers: Swift cannot call the variadic curl_easy_setopt/getinfo. */
CURLcode taskops_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode taskops_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value);
CURLcode taskops_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode taskops_curl_setopt_write(CURL *handle, size_t (*fn)(char *, size_t, size_t, void *), void *userdata);
CURLcode taskops_curl_setopt_header(CURL *handle, size_t (*fn)(char *, size_t, size_t, void *), void *userdata);
CURLcode taskops_curl_setopt_xferinfo(CURL *handle, int (*fn)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t), void *userdata);
CURLcode taskops_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode taskops_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLMcode taskops_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);
#endif
