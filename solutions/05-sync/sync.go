// Package sync keeps a user's devices in step with their files: devices
// apply changes, watch for everybody else's, and catch up after being offline.
//
// Fixed: a device's watcher ends when the device goes away (its context is
// done), and unsubscribes from the hub on its way out, which frees the user's
// watcher slot.
package sync

import (
	"context"
	"errors"
	"log/slog"
	"sort"
	"sync"
	"time"
)

// Change is one edit to one file, as devices see it.
type Change struct {
	User    string
	Path    string
	Version int64
	Deleted bool
	At      time.Time
}

// ErrConflict means the device edited an old version of the file.
var ErrConflict = errors.New("sync: version conflict")

const (
	maxWatchersPerUser = 4         // devices per user that get live changes
	watcherBuffer      = 64        // changes a watcher may lag behind
	batchSize          = 1024      // changes a watcher batches for its device
	historyLimit       = 10_000    // changes kept per user for catching up
	catchUpPage        = 500       // changes per catch-up page
	staleAfter         = time.Hour // a device silent this long must resync
)

// Store persists file versions.
type Store interface {
	Version(ctx context.Context, user, path string) (int64, error)
	Save(ctx context.Context, c Change) error
}

// Service is the sync service.
type Service struct {
	store Store
	hub   *Hub
	log   *slog.Logger

	mu      sync.Mutex
	history map[string][]Change // recent changes per user, oldest first
}

// NewService returns a sync service.
func NewService(store Store, log *slog.Logger) *Service {
	return &Service{store: store, hub: NewHub(), log: log, history: make(map[string][]Change)}
}

// Hub fans each user's changes out to that user's watchers.
type Hub struct {
	mu       sync.Mutex
	watchers map[string]map[chan Change]struct{}
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{watchers: make(map[string]map[chan Change]struct{})}
}

// Subscribe returns a channel of user's changes, or nil when the user
// already has the most watchers.
func (h *Hub) Subscribe(user string) chan Change {
	h.mu.Lock()
	defer h.mu.Unlock()
	set := h.watchers[user]
	if len(set) >= maxWatchersPerUser {
		return nil
	}
	if set == nil {
		set = make(map[chan Change]struct{})
		h.watchers[user] = set
	}
	ch := make(chan Change, watcherBuffer)
	set[ch] = struct{}{}
	return ch
}

// Unsubscribe removes a watcher's channel.
func (h *Hub) Unsubscribe(user string, ch chan Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.watchers[user], ch)
	if len(h.watchers[user]) == 0 {
		delete(h.watchers, user)
	}
}

// Publish delivers c to each of its user's watchers; a watcher that is
// watcherBuffer changes behind misses it.
func (h *Hub) Publish(c Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.watchers[c.User] {
		select {
		case ch <- c:
		default:
		}
	}
}

// ApplyChange records a device's edit, or returns ErrConflict if the device
// edited an old version.
func (s *Service) ApplyChange(ctx context.Context, c Change) (Change, error) {
	current, err := s.store.Version(ctx, c.User, c.Path)
	if err != nil {
		return Change{}, err
	}
	if c.Version != current {
		return Change{}, ErrConflict
	}
	c.Version = current + 1
	c.At = time.Now()
	if err := s.store.Save(ctx, c); err != nil {
		return Change{}, err
	}
	s.remember(c)
	s.hub.Publish(c)
	return c, nil
}

// remember keeps c in the user's history for devices that catch up later.
func (s *Service) remember(c Change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := append(s.history[c.User], c)
	if len(h) > historyLimit {
		h = h[len(h)-historyLimit:]
	}
	s.history[c.User] = h
}

// ChangesSince returns up to one page of the user's changes after since,
// oldest first, and whether more remain.
func (s *Service) ChangesSince(user string, since time.Time) ([]Change, bool, error) {
	if time.Since(since) > staleAfter {
		return nil, false, errors.New("sync: device too far behind, resync")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.history[user]
	i := sort.Search(len(h), func(i int) bool { return h[i].At.After(since) })
	page := h[i:]
	more := len(page) > catchUpPage
	if more {
		page = page[:catchUpPage]
	}
	return append([]Change(nil), page...), more, nil
}

// ResolveConflict keeps both versions: the device's edit is saved under a
// new name next to the current file.
func (s *Service) ResolveConflict(ctx context.Context, c Change, device string) (Change, error) {
	current, err := s.store.Version(ctx, c.User, c.Path)
	if err != nil {
		return Change{}, err
	}
	c.Path = conflictName(c.Path, device, time.Now())
	c.Version = 0
	if _, err := s.ApplyChange(ctx, c); err != nil {
		return Change{}, err
	}
	s.log.Info("Conflict resolved", "user", c.User, "path", c.Path, "current", current)
	return c, nil
}

func conflictName(path, device string, at time.Time) string {
	return path + " (conflict from " + device + " " + at.Format("2006-01-02 15:04") + ")"
}

// Snapshot returns the latest version of every file the user changed
// recently, for a device that resyncs from scratch: deleted files are left
// out, and the rest come sorted by path so that devices can merge them with
// their own listing in one pass.
func (s *Service) Snapshot(user string) []Change {
	s.mu.Lock()
	defer s.mu.Unlock()
	latest := make(map[string]Change)
	for _, c := range s.history[user] {
		latest[c.Path] = c
	}
	snapshot := make([]Change, 0, len(latest))
	for _, c := range latest {
		if !c.Deleted {
			snapshot = append(snapshot, c)
		}
	}
	sort.Slice(snapshot, func(i, j int) bool { return snapshot[i].Path < snapshot[j].Path })
	return snapshot
}

// WatchChanges streams user's changes to a device through out until the
// device goes away (ctx is cancelled when it disconnects). It returns false,
// and the device falls back to polling, when the user has too many watchers.
func (s *Service) WatchChanges(ctx context.Context, user string, out chan<- Change) bool {
	// One subscription per device; the hub caps them per user.
	changes := s.hub.Subscribe(user)
	if changes == nil {
		s.log.Warn("Too many watchers, falling back to polling", "user", user)
		return false
	}

	// The watcher: one goroutine per connected device, for as long as it is connected.
	go func() {
		defer s.hub.Unsubscribe(user, changes)
		batch := make([]Change, 0, batchSize)
		for {
			// Take the next change, hand the oldest pending one to the
			// device, or stop when it has gone: whichever is ready first.
			select {
			case c := <-changes:
				batch = append(batch, c)
			case sendOrNil(out, batch) <- first(batch):
				batch = batch[1:]
			case <-ctx.Done():
				return
			}
		}
	}()
	return true
}

// sendOrNil returns out when there is something to send, and a nil channel
// (never ready) otherwise.
func sendOrNil(out chan<- Change, batch []Change) chan<- Change {
	if len(batch) == 0 {
		return nil
	}
	return out
}

func first(batch []Change) Change {
	if len(batch) == 0 {
		return Change{}
	}
	return batch[0]
}
