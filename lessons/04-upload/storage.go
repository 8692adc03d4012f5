// Package storage stores uploaded files and reports upload progress to clients.
//
// This is the code that ran in cloudvault-api on the night of the incident
// (internal/services/storage/storage.go), trimmed to the parts that matter.
package storage

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// Notifier pushes upload state to the client's progress bar.
type Notifier interface {
	Progress(sessionID string, bytes int64)
	Done(sessionID string)
}

// BlobStore is where file contents end up.
type BlobStore interface {
	Put(ctx context.Context, key string, data []byte) error
}

// Service handles simple and chunked uploads.
type Service struct {
	blobs    BlobStore
	notifier Notifier
	log      *slog.Logger

	mu     sync.Mutex
	chunks map[string]*chunkedUpload // chunked uploads in flight, by session
}

type chunkedUpload struct {
	buf      []byte
	lastSeen time.Time
}

const chunkSize = 1 << 20 // 1 MiB

// NewService returns a storage service.
func NewService(blobs BlobStore, notifier Notifier, log *slog.Logger) *Service {
	return &Service{
		blobs:    blobs,
		notifier: notifier,
		log:      log,
		chunks:   make(map[string]*chunkedUpload),
	}
}

// Upload copies r to the blob store, reporting progress as it goes.
func (s *Service) Upload(ctx context.Context, sessionID, key string, r io.Reader) error {
	s.log.Info("Upload started", "session", sessionID)

	data := make([]byte, 0, chunkSize)
	buf := make([]byte, chunkSize)
	var written int64

	// Progress goes to the client through its own goroutine so a slow
	// client cannot slow the upload down. The reporter throttles itself to
	// one update a second and tells the client "done" when the channel ends.
	// The buffer lets the copy loop run ahead of a slow reporter.
	progress := make(chan int64, 16)

	go func() {
		defer s.notifier.Done(sessionID)
		for n := range progress {
			s.log.Info("Upload progress", "session", sessionID, "bytes", n)
			s.notifier.Progress(sessionID, n)
			time.Sleep(time.Second)
		}
	}()

	for {
		n, err := r.Read(buf)
		if n > 0 {
			data = append(data, buf[:n]...)
			written += int64(n)
			select {
			case progress <- written:
			default: // reporter is behind: skip this update
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}

	if err := s.blobs.Put(ctx, key, data); err != nil {
		return err
	}
	s.log.Info("Upload complete", "session", sessionID)
	return nil
}

// UploadChunk appends one chunk of a chunked upload; the last chunk stores it.
func (s *Service) UploadChunk(ctx context.Context, sessionID, key string, chunk []byte, last bool) error {
	s.mu.Lock()
	up, ok := s.chunks[sessionID]
	if !ok {
		up = &chunkedUpload{}
		s.chunks[sessionID] = up
	}
	up.buf = append(up.buf, chunk...)
	up.lastSeen = time.Now()
	s.mu.Unlock()

	if !last {
		return nil
	}
	s.mu.Lock()
	delete(s.chunks, sessionID)
	s.mu.Unlock()
	return s.blobs.Put(ctx, key, up.buf)
}
