/**
 * Package net/http, as much of it as Leak Lab's Go has, written in Go: what a handler and a middleware use
 * (Handler, HandlerFunc, ResponseWriter, Request, Header, Error, the status codes). There is no server: a
 * program calls its handlers itself, with a ResponseWriter of its own.
 */
export const http = `package http

import "strings"

// A Header represents the key-value pairs in an HTTP header, by canonical key.
type Header map[string][]string

// Set sets the header entry associated with key to the single element value.
func (h Header) Set(key, value string) { h[CanonicalHeaderKey(key)] = []string{value} }

// Add adds the key, value pair to the header.
func (h Header) Add(key, value string) {
	key = CanonicalHeaderKey(key)
	h[key] = append(h[key], value)
}

// Get gets the first value associated with the given key, or "".
func (h Header) Get(key string) string {
	values := h[CanonicalHeaderKey(key)]
	if len(values) == 0 {
		return ""
	}
	return values[0]
}

// Del deletes the values associated with key.
func (h Header) Del(key string) { delete(h, CanonicalHeaderKey(key)) }

// CanonicalHeaderKey returns the canonical format of the header key s: the first letter and any letter after
// a hyphen in upper case, the rest in lower case. A key with a space or other invalid byte is left as it is.
func CanonicalHeaderKey(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c < '!' || c > '~' || c == ':' {
			return s
		}
	}
	out := ""
	upper := true
	for _, part := range strings.Split(s, "") {
		if upper {
			out += strings.ToUpper(part)
		} else {
			out += strings.ToLower(part)
		}
		upper = part == "-"
	}
	return out
}

// A ResponseWriter is used by an HTTP handler to construct an HTTP response.
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

// A Request represents an HTTP request received by a server.
type Request struct {
	Method     string
	RequestURI string
	RemoteAddr string
	Header     Header
}

// A Handler responds to an HTTP request.
type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

// The HandlerFunc type is an adapter to allow the use of ordinary functions as HTTP handlers.
type HandlerFunc func(ResponseWriter, *Request)

// ServeHTTP calls f(w, r).
func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) {
	f(w, r)
}

// HTTP status codes.
const (
	StatusOK                  = 200
	StatusBadRequest          = 400
	StatusNotFound            = 404
	StatusTooManyRequests     = 429
	StatusInternalServerError = 500
	StatusServiceUnavailable  = 503
)

// Error replies to the request with the specified error message and HTTP code.
func Error(w ResponseWriter, error string, code int) {
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	w.Write([]byte(error + "\\n"))
}
`;
