package main

func two() (int, int) { return 1, 2 }
func none()          {}

func main() {
	x := two()
	y := none()
	_, _ = x, y
}
