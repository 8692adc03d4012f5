// Package middleware holds the HTTP middleware in front of every
// cloudvault-api handler.
//
// Fixed: one goroutine sweeps idle clients out however often the limits
// are reloaded, and Stop ends it, ticker and all.
package middleware

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Limits are per client.
type Limits struct {
	PerMinute float64 // requests a client may make per minute, on average
	Burst     float64 // requests a client may make at once after a quiet spell
}

const (
	visitorIdle  = 3 * time.Minute // a client quiet this long is forgotten
	cleanupEvery = time.Minute     // how often idle clients are swept out
)

type visitor struct {
	tokens   float64   // requests the client may still make
	lastSeen time.Time // when it last made one
}

// RateLimiter limits each client with a token bucket.
type RateLimiter struct {
	mu       sync.Mutex
	limits   Limits
	visitors map[string]*visitor

	cleanup sync.Once     // starts the one sweeper
	stop    chan struct{} // closed by Stop: the sweeper's way out
	stopped chan struct{} // closed when the sweeper has returned
}

// NewRateLimiter returns a limiter; StartCleanup sweeps idle clients out
// until Stop.
func NewRateLimiter(limits Limits) *RateLimiter {
	return &RateLimiter{
		limits:   limits,
		visitors: make(map[string]*visitor),
		stop:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
}

// Middleware answers 429 Too Many Requests to a client over its limit.
func (rl *RateLimiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := clientIP(r)
		if !rl.Allow(client) {
			w.Header().Set("Retry-After", strconv.Itoa(int(rl.retryAfter().Seconds())))
			http.Error(w, "rate limit exceeded", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Allow reports whether client may make a request now; each takes a token.
func (rl *RateLimiter) Allow(client string) bool {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	now := time.Now()
	v, ok := rl.visitors[client]
	if !ok {
		v = &visitor{tokens: rl.limits.Burst, lastSeen: now}
		rl.visitors[client] = v
	}
	refill := now.Sub(v.lastSeen).Minutes() * rl.limits.PerMinute
	v.tokens = min(rl.limits.Burst, v.tokens+refill)
	v.lastSeen = now
	if v.tokens < 1 {
		return false
	}
	v.tokens--
	return true
}

func (rl *RateLimiter) retryAfter() time.Duration {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	return time.Duration(float64(time.Minute) / rl.limits.PerMinute)
}

// Len reports how many clients are tracked, for the rate_limit_clients gauge.
func (rl *RateLimiter) Len() int {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	return len(rl.visitors)
}

// SetLimits takes new limits from the config watcher (every 20 seconds) and
// makes sure idle clients keep being swept out.
func (rl *RateLimiter) SetLimits(limits Limits) {
	rl.mu.Lock()
	rl.limits = limits
	rl.mu.Unlock()
	rl.StartCleanup() // in case nobody started it yet
}

// StartCleanup starts the goroutine that sweeps idle clients out every
// cleanupEvery, once: calling it again, as every reload does, starts nothing.
func (rl *RateLimiter) StartCleanup() {
	rl.cleanup.Do(func() { go rl.sweep() })
}

// Stop ends the sweeper, if it was started, and waits for it to return.
func (rl *RateLimiter) Stop() {
	close(rl.stop)
	rl.cleanup.Do(func() { close(rl.stopped) }) // never started: nothing to wait for
	<-rl.stopped
}

func (rl *RateLimiter) sweep() {
	defer close(rl.stopped)
	ticker := time.NewTicker(cleanupEvery)
	defer ticker.Stop()
	scratch := make([]string, 0, 4096) // clients to forget, reused by every sweep
	for {
		select {
		case <-ticker.C:
			scratch = rl.evictIdle(scratch[:0])
		case <-rl.stop:
			return
		}
	}
}

// evictIdle forgets every client idle for longer than visitorIdle.
func (rl *RateLimiter) evictIdle(sweep []string) []string {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for client, v := range rl.visitors {
		if time.Since(v.lastSeen) > visitorIdle {
			sweep = append(sweep, client)
		}
	}
	for _, client := range sweep {
		delete(rl.visitors, client)
	}
	return sweep
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
