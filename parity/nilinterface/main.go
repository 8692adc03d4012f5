package main

import "fmt"

type Notifier interface{ Done(id string) }

type service struct{ n Notifier }

func main() {
	s := service{}
	fmt.Println("calling a nil notifier")
	s.n.Done("x")
}
