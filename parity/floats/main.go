package main

import "fmt"

func main() {
	fmt.Println(1.5, 1e6, 123456.0, 1234567.0, 1e21, 0.0001, 0.00001, 7.0/2, 1.0/3)
	fmt.Println(7/2, -7/2, 7%3, -7%3, 1<<0)
	fmt.Printf("%.2f %f %e %g %v\n", 3.14159, 2.5, 123456.789, 0.000012, 100.0)
	var f float64 = 3
	fmt.Println(f, f/2, int(f*1.9))
}
