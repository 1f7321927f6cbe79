package cluster_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// session74 holds the fixture made by testdata/cluster/gen.py: 1 - Voeten's
// agree index between the 193 states that voted in session 74 (2019-20),
// over its 91 roll calls in the unvotes record, states ordered by COW code.
type session74 struct {
	dist  *mat.SymDense
	iso3  []string
	names []string
	votes []int // roll calls on which the state cast yes, abstain or no
}

var loadSession74 = sync.OnceValues(func() (*session74, error) {
	rows, err := readCSV("session74_distance.csv")
	if err != nil {
		return nil, err
	}
	n := len(rows) - 1
	s := &session74{dist: mat.NewSymDense(n, nil)}
	for i, r := range rows[1:] {
		s.iso3 = append(s.iso3, r[1])
		s.names = append(s.names, r[2])
		v, err := strconv.Atoi(r[3])
		if err != nil {
			return nil, err
		}
		s.votes = append(s.votes, v)
		for j := i; j < n; j++ {
			x, err := strconv.ParseFloat(r[4+j], 64)
			if err != nil {
				return nil, err
			}
			s.dist.SetSym(i, j, x)
		}
	}
	return s, nil
})

// mustSession74 returns the fixture or fails the test.
func mustSession74(tb testing.TB) *session74 {
	tb.Helper()
	s, err := loadSession74()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// readFile returns a fixture file from testdata/cluster as a string.
func readFile(name string) (string, error) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "cluster", name))
	return string(b), err
}

// readCSV reads a whole fixture file from testdata/cluster, skipping lines
// that start with '#'.
func readCSV(name string) ([][]string, error) {
	f, err := os.Open(filepath.Join("..", "testdata", "cluster", name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	return r.ReadAll()
}

// wantPanic checks that f panics with a message that starts with want.
func wantPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if msg, ok := r.(string); !ok || !strings.HasPrefix(msg, want) {
			t.Errorf("panic %v, want one starting %q", r, want)
		}
	}()
	f()
}
