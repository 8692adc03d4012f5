package main

func wait(ch chan int) int {
	select {
	case v := <-ch:
		if v > 0 {
			return v
		}
	}
}

func main() {
	wait(nil)
}
