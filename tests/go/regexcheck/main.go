// Command regexcheck answers, for each (pattern, texts) case read as JSON from stdin, whether Go's
// regexp compiles the pattern and, if it does, regexp.MatchString on each text: the reference the
// Python translation of schema patterns (generator/targets/python_regex.py) is compared with.
package main

import (
	"encoding/json"
	"os"
	"regexp"
)

type request struct {
	Pattern string   `json:"pattern"`
	Texts   []string `json:"texts"`
}

type answer struct {
	Error   string `json:"error"`
	Matches []bool `json:"matches"`
}

func main() {
	var requests []request
	if err := json.NewDecoder(os.Stdin).Decode(&requests); err != nil {
		panic(err)
	}
	answers := make([]answer, 0, len(requests))
	for _, r := range requests {
		re, err := regexp.Compile(r.Pattern)
		if err != nil {
			answers = append(answers, answer{Error: err.Error()})
			continue
		}
		matches := make([]bool, len(r.Texts))
		for i, text := range r.Texts {
			matches[i] = re.MatchString(text)
		}
		answers = append(answers, answer{Matches: matches})
	}
	if err := json.NewEncoder(os.Stdout).Encode(answers); err != nil {
		panic(err)
	}
}
