// Package storage stores uploaded files and reports upload progress to clients.
//
// This is the code that ran in cloudvault-api on the night of the incident
// (internal/services/storage/storage.go), trimmed to the parts that matter.
package storage

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
)

// Notifier pushes upload state to the client's progress bar.
type Notifier interface {
	Progress(sessionID string, bytes int64)
	Done(sessionID string) // the progress bar shows "done"
}

// BlobStore is where file contents end up.
type BlobStore interface {
	Put(ctx context.Context, key string, data []byte) error
}

const (
	chunkSize          = 1 << 20          // 1 MiB read buffer
	progressThreshold  = 4 << 20          // uploads this big report progress
	progressFrameBytes = 100 << 10        // the reporter's frame buffer
	chunkedIdleTimeout = 10 * time.Minute // a chunked upload idle this long is abandoned
)

// Service handles simple and chunked (resumable) uploads.
type Service struct {
	blobs    BlobStore
	notifier Notifier
	log      *slog.Logger

	mu      sync.Mutex
	chunked map[string]*chunkedUpload // chunked uploads in flight, by session
}

type chunkedUpload struct {
	chunks   [][]byte
	lastSeen time.Time
}

// NewService returns a storage service.
func NewService(blobs BlobStore, notifier Notifier, log *slog.Logger) *Service {
	return &Service{blobs: blobs, notifier: notifier, log: log, chunked: make(map[string]*chunkedUpload)}
}

// Upload copies the request body to the blob store, reporting progress on big uploads.
func (s *Service) Upload(ctx context.Context, sessionID, key string, size int64, body io.Reader) error {
	s.log.Info("Upload started", "session", sessionID)
	data, buf := make([]byte, 0, size), make([]byte, chunkSize)
	var written int64

	// Progress goes to the client through its own goroutine so a slow client cannot slow
	// the upload down. It sends at most one update a second, and "done" when the channel ends.
	progress := make(chan int64, 16) // buffered: the copy loop may run ahead of the reporter

	if size >= progressThreshold {
		frame := make([]byte, 0, progressFrameBytes) // reused for every update
		go func() {
			defer s.notifier.Done(sessionID)
			for n := range progress {
				frame = appendProgressFrame(frame[:0], sessionID, n)
				s.log.Info("Upload progress", "session", sessionID, "bytes", n)
				s.notifier.Progress(sessionID, n)
				time.Sleep(time.Second)
			}
		}()
	}

	for {
		n, err := body.Read(buf)
		if n > 0 {
			data = append(data, buf[:n]...)
			written += int64(n)
			if size >= progressThreshold {
				select {
				case progress <- written:
				default: // reporter is behind: skip this update
				}
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
	if size < progressThreshold {
		s.notifier.Done(sessionID)
	}
	s.log.Info("Upload complete", "session", sessionID)
	return nil
}

// UploadChunk stores one chunk of a resumable upload; the last chunk
// writes the whole file.
func (s *Service) UploadChunk(ctx context.Context, sessionID, key string, chunk []byte, last bool) error {
	s.mu.Lock()
	up, ok := s.chunked[sessionID]
	if !ok {
		up = &chunkedUpload{}
		s.chunked[sessionID] = up
	}
	up.chunks = append(up.chunks, chunk)
	up.lastSeen = time.Now()
	if !last {
		s.mu.Unlock()
		return nil
	}
	delete(s.chunked, sessionID)
	s.mu.Unlock()

	if err := s.blobs.Put(ctx, key, bytes.Join(up.chunks, nil)); err != nil {
		return err
	}
	s.notifier.Done(sessionID)
	return nil
}

func appendProgressFrame(frame []byte, sessionID string, n int64) []byte {
	frame = append(frame, sessionID...)
	return strconv.AppendInt(append(frame, ' '), n, 10)
}

// Close is called when the server shuts down. The service has nothing of its own to stop.
func (s *Service) Close() {}
