package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	ready := false
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() {
				time.Sleep(10 * time.Millisecond)
				ready = true
			})
			// Every caller returns only after the first call's function has finished.
			fmt.Println("ready:", ready)
		}()
	}
	wg.Wait()
	once.Do(func() { fmt.Println("never again") })
}
