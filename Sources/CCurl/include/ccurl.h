// libcurl for Swift, loaded on first use.
//
// Why not link libcurl: linking it makes every `sovereign` command load libcurl and the 35
// libraries behind it (TLS, Kerberos, LDAP, IDN...) and run their initialisers, about 10 ms of
// start-up (`curl --version` alone takes 10.5 ms here) that only `refresh` and `diff --fetch`
// need. These functions open libcurl.so.4 with dlopen the first time `ccurl_load` is called and
// call it through the resolved symbols. The header <curl/curl.h> (libcurl4-openssl-dev) is
// still needed at build time, for the types and constants.
//
// The typed setopt / getinfo wrappers exist because Swift cannot call libcurl's variadic
// functions (one wrapper per argument type: the GRDB / FoundationNetworking pattern).
#ifndef SOVEREIGN_CCURL_H
#define SOVEREIGN_CCURL_H
#include <curl/curl.h>

/// Opens libcurl and resolves every function below; thread-safe, done once. Returns NULL when
/// libcurl is ready, else a message saying what is missing (shown to the user).
const char *ccurl_load(void);

CURLcode ccurl_global_init(long flags);
CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
CURLcode ccurl_easy_perform(CURL *handle);
const char *ccurl_easy_strerror(CURLcode code);
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *string);
void ccurl_slist_free_all(struct curl_slist *list);

CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v);
CURLcode ccurl_setopt_off(CURL *h, CURLoption o, curl_off_t v);
CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v);
CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v);
CURLcode ccurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
CURLcode ccurl_setopt_write_callback(CURL *h, CURLoption o, curl_write_callback v);
CURLcode ccurl_setopt_xferinfo_callback(CURL *h, CURLoption o, curl_xferinfo_callback v);
CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v);
CURLcode ccurl_getinfo_string(CURL *h, CURLINFO i, char **v);
#endif
