// Package fakes holds the stand-ins the services' drivers give them: a blob store that keeps nothing, a
// request body of a given size, and a ResponseWriter that records what a handler wrote.
package fakes

import (
	"context"
	"io"
	"net/http"
)

// Blobs is a BlobStore that accepts every file and keeps none.
type Blobs struct{}

// Put stores nothing and never fails.
func (Blobs) Put(ctx context.Context, key string, data []byte) error { return nil }

// Body is a request body of Left bytes; it ends with io.EOF, or with FailWith when that is set.
type Body struct {
	Left     int
	FailWith error
}

func (b *Body) Read(p []byte) (int, error) {
	if b.Left == 0 {
		if b.FailWith != nil {
			return 0, b.FailWith
		}
		return 0, io.EOF
	}
	n := min(len(p), b.Left)
	b.Left -= n
	return n, nil
}

// Recorder is the ResponseWriter a test gives a handler: it keeps what the handler wrote.
type Recorder struct {
	Headers http.Header
	Status  int
	Body    string
}

// NewRecorder returns a Recorder with an empty header.
func NewRecorder() *Recorder { return &Recorder{Headers: make(http.Header)} }

func (r *Recorder) Header() http.Header { return r.Headers }

func (r *Recorder) Write(p []byte) (int, error) {
	if r.Status == 0 {
		r.Status = http.StatusOK
	}
	r.Body += string(p)
	return len(p), nil
}

func (r *Recorder) WriteHeader(status int) { r.Status = status }
