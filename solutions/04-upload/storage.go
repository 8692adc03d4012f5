// Package storage stores uploaded files and reports upload progress to clients.
//
// Fixed: every upload closes its progress channel when the copy ends, however it ends, and waits for its
// reporter before it says "done"; abandoned chunked uploads are reclaimed after an idle timeout by one
// janitor goroutine, which Close stops.
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

	stop    chan struct{} // closed by Close: the janitor's way out
	stopped sync.WaitGroup
}

type chunkedUpload struct {
	chunks   [][]byte
	lastSeen time.Time
}

// NewService returns a storage service and starts its janitor; Close stops it.
func NewService(blobs BlobStore, notifier Notifier, log *slog.Logger) *Service {
	s := &Service{
		blobs:    blobs,
		notifier: notifier,
		log:      log,
		chunked:  make(map[string]*chunkedUpload),
		stop:     make(chan struct{}),
	}
	s.stopped.Add(1)
	go s.reclaimAbandoned()
	return s
}

// Close stops the janitor and waits for it to return.
func (s *Service) Close() {
	close(s.stop)
	s.stopped.Wait()
}

// Upload copies the request body to the blob store, reporting progress on big uploads.
func (s *Service) Upload(ctx context.Context, sessionID, key string, size int64, body io.Reader) error {
	s.log.Info("Upload started", "session", sessionID)

	// Progress goes to the client through its own goroutine so a slow client cannot slow the upload down.
	reports := size >= progressThreshold
	progress := make(chan int64, 16) // buffered: the copy loop may run ahead of the reporter
	reported := make(chan struct{})  // closed when the reporter has sent its last update
	if reports {
		frame := make([]byte, 0, progressFrameBytes) // reused for every update
		go func() {
			defer close(reported)
			for n := range progress {
				frame = appendProgressFrame(frame[:0], sessionID, n)
				s.log.Info("Upload progress", "session", sessionID, "bytes", n)
				s.notifier.Progress(sessionID, n)
				time.Sleep(time.Second)
			}
		}()
	} else {
		close(reported)
	}

	err := s.store(ctx, key, size, body, progress, reports)
	close(progress) // however the copy ended, the reporter's range ends
	<-reported      // and "done" comes after its last update
	if err != nil {
		return err
	}
	s.notifier.Done(sessionID)
	s.log.Info("Upload complete", "session", sessionID)
	return nil
}

// store copies the body to the blob store, offering the running total to progress when it reports.
func (s *Service) store(ctx context.Context, key string, size int64, body io.Reader, progress chan<- int64, reports bool) error {
	data, buf := make([]byte, 0, size), make([]byte, chunkSize)
	var written int64
	for {
		n, err := body.Read(buf)
		if n > 0 {
			data = append(data, buf[:n]...)
			written += int64(n)
			if reports {
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
	return s.blobs.Put(ctx, key, data)
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

// reclaimAbandoned forgets, once a minute, every chunked upload idle for longer than the timeout, until Close.
func (s *Service) reclaimAbandoned() {
	defer s.stopped.Done()
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		select {
		case now := <-ticker.C:
			s.mu.Lock()
			for sessionID, up := range s.chunked {
				if now.Sub(up.lastSeen) >= chunkedIdleTimeout {
					delete(s.chunked, sessionID)
					s.log.Info("Chunked upload abandoned", "session", sessionID, "chunks", len(up.chunks))
				}
			}
			s.mu.Unlock()
		case <-s.stop:
			return
		}
	}
}

func appendProgressFrame(frame []byte, sessionID string, n int64) []byte {
	frame = append(frame, sessionID...)
	return strconv.AppendInt(append(frame, ' '), n, 10)
}
