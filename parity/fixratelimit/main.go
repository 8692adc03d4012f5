// The rate limiter of lesson 6, fixed (solutions/06-ratelimit/ratelimit.go), under the driver of
// leakratelimit: four config reloads leave one sweeper, and Stop ends it and its ticker.
package main

import (
	"fmt"
	"net/http"
	"runtime"

	"leaklab/parity/fakes"
	"leaklab/parity/fixratelimit/middleware"
	"leaklab/parity/profile"
)

func main() {
	before := runtime.NumGoroutine()
	rl := middleware.NewRateLimiter(middleware.Limits{PerMinute: 1, Burst: 3})
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	handler := rl.Middleware(ok)

	// Four config reloads, as the config watcher does every 20 seconds.
	for i := 0; i < 4; i++ {
		rl.SetLimits(middleware.Limits{PerMinute: 1, Burst: 3})
	}
	profile.Settle()
	fmt.Println("sweepers after four reloads:", runtime.NumGoroutine()-before)

	// Two clients, one of them over its burst; one address without a port.
	for _, addr := range []string{"10.0.0.1:5001", "10.0.0.1:5002", "10.0.0.2:6001", "10.0.0.1:5003", "10.0.0.1:5004", "10.0.0.3"} {
		w := fakes.NewRecorder()
		handler.ServeHTTP(w, &http.Request{Method: "GET", RemoteAddr: addr})
		fmt.Printf("%s %d %q retry-after=%q type=%q\n", addr, w.Status, w.Body, w.Header().Get("Retry-After"), w.Header().Get("content-type"))
	}
	fmt.Println("clients tracked:", rl.Len())

	rl.Stop()
	profile.Settle()
	fmt.Println("goroutines leaked:", runtime.NumGoroutine()-before)
	profile.Print()
}
