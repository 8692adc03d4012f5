package main

import "fmt"

type Account struct {
	owner   string
	balance int
}

func (a *Account) Deposit(n int) { a.balance += n }

func (a Account) Balance() int { return a.balance }

func (a Account) Describe() string {
	return fmt.Sprintf("%s has %d", a.owner, a.balance)
}

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

func main() {
	acct := Account{owner: "ana"}
	acct.Deposit(50)
	p := &acct
	p.Deposit(25)
	fmt.Println(acct.Balance(), p.Balance(), p.Describe())
	var t Celsius = 100
	fmt.Println(t.Fahrenheit(), t)
	accounts := []Account{{owner: "a"}, {owner: "b"}}
	accounts[1].Deposit(7)
	for _, a := range accounts {
		a.Deposit(1000)
	}
	fmt.Println(accounts)
}
