package alignment

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// plainTables returns the joint-vote table of every pair (i <= j) of ds by
// a loop over the roll calls, the reference for the bit-parallel kernels.
func plainTables(ds *votes.Dataset, keepUnanimous bool) [][]Table {
	keep := make([]bool, ds.NumRollCalls())
	for j, rc := range ds.RollCalls() {
		keep[j] = keepUnanimous || !rc.Unanimous
	}
	n := ds.NumCountries()
	out := make([][]Table, n)
	for i := range n {
		out[i] = make([]Table, n)
		for j := i; j < n; j++ {
			ri, rj := ds.Row(i), ds.Row(j)
			for k := range ri {
				if keep[k] {
					out[i][j].add(ri[k], rj[k])
				}
			}
		}
	}
	return out
}

// sameScore reports whether two scores are equal to the bit (NaN equal to
// NaN): the kernels must do the arithmetic of Table.Score, not an
// approximation of it.
func sameScore(got, want Score) bool {
	return got.N == want.N && (got.Value == want.Value || math.IsNaN(got.Value) && math.IsNaN(want.Value))
}

// checkMatrices compares allTables and AgreementMatrix (every index, two
// minimum sizes) on ds with plain loops.
func checkMatrices(t *testing.T, name string, ds *votes.Dataset, keepUnanimous bool) {
	t.Helper()
	opts := &Options{KeepUnanimous: keepUnanimous}
	want := plainTables(ds, keepUnanimous)
	if ds.NumRollCalls() == 0 {
		if _, err := allTables(ds, opts); !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: allTables err = %v, want ErrEmpty", name, err)
		}
		return
	}
	ts, err := allTables(ds, opts)
	if errors.Is(err, ErrEmpty) {
		// Only if no table holds a roll call.
		for i := range want {
			for j := i; j < len(want); j++ {
				if want[i][j].N() > 0 {
					t.Fatalf("%s: ErrEmpty, but %d-%d voted together", name, i, j)
				}
			}
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := len(ts.Countries)
	for i := range n {
		for j := range n {
			w := want[min(i, j)][max(i, j)]
			if i > j {
				w = w.transpose()
			}
			if got := ts.Table(i, j); got != w {
				t.Fatalf("%s: table %d-%d: kernel\n%vloop\n%v", name, i, j, &got, &w)
			}
		}
	}
	for _, x := range Indices() {
		for _, minN := range []int{0, 3} {
			m, err := AgreementMatrix(ds, x, &Options{KeepUnanimous: keepUnanimous, MinN: minN})
			if err != nil {
				t.Fatalf("%s %v: %v", name, x, err)
			}
			for i := range n {
				for j := range n {
					w := want[min(i, j)][max(i, j)]
					if got, w := m.At(i, j), w.Score(x, minN); !sameScore(got, w) {
						t.Fatalf("%s %v minN=%d %d-%d: %v, want %v", name, x, minN, i, j, got, w)
					}
				}
			}
		}
	}
}

// Random selections of roll calls and states of the record, sparse and
// dense, some with states that cast no vote in them.
func TestKernelRandomSelections(t *testing.T) {
	ds := load(t)
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 42))
		share := []float64{0.003, 0.02, 0.06}[seed%3]
		keepRC := make([]bool, ds.NumRollCalls())
		for j := range keepRC {
			keepRC[j] = rng.Float64() < share
		}
		keepCOW := map[int]bool{}
		for _, c := range ds.Countries() {
			keepCOW[c.COW] = rng.Float64() < 0.25
		}
		sub := ds.Filter(func(_ *votes.Dataset, j int) bool { return keepRC[j] }).
			SelectCountries(func(c votes.Country) bool { return keepCOW[c.COW] })
		for _, keep := range []bool{false, true} {
			checkMatrices(t, fmt.Sprintf("seed %d (%d x %d) keep=%v", seed, sub.NumCountries(), sub.NumRollCalls(), keep), sub, keep)
		}
	}
}

// Word edges: 0, 1, 63, 64, 65, 127, 128 and 129 roll calls, from 1946
// (few states, many never voting) and from 2017.
func TestKernelEdgeSizes(t *testing.T) {
	ds := load(t)
	for _, from := range []int{1, 72} {
		s := ds.Filter(votes.InSessions(from, 74))
		for _, nr := range []int{0, 1, 63, 64, 65, 127, 128, 129} {
			first := s.Filter(func(_ *votes.Dataset, j int) bool { return j < nr })
			if first.NumRollCalls() != nr {
				t.Fatalf("%d roll calls, want %d", first.NumRollCalls(), nr)
			}
			sel := first.SelectCountries(func(c votes.Country) bool { return c.COW%5 == 0 })
			checkMatrices(t, fmt.Sprintf("from session %d, %d roll calls", from, nr), sel, nr%2 == 1)
		}
	}
}

// Sessions of 1, 2, 63, 64, 65 and 130 roll calls in turn, so that
// sessions end on and off word boundaries: every session's matrix must be
// the plain loop on that session. Sessions 20-32 go through the sizes
// twice; testenv.Quick (-short, -race) takes sessions 20-25, each size once.
func TestAgreementByEdges(t *testing.T) {
	last := 32
	if testenv.Quick(t) {
		last = 25
	}
	ds := load(t).Filter(votes.InSessions(20, last))
	sizes := []int{1, 63, 64, 65, 2, 130}
	keepRC := make([]bool, ds.NumRollCalls())
	k, at, prev := 0, 0, -1
	for j, rc := range ds.RollCalls() {
		if rc.Session != prev {
			prev, at = rc.Session, 0
			k++
		}
		keepRC[j] = at < sizes[k%len(sizes)]
		at++
	}
	sub := ds.Filter(func(_ *votes.Dataset, j int) bool { return keepRC[j] })
	sessions := sub.Sessions()
	for _, keep := range []bool{false, true} {
		want := make([][][]Table, len(sessions))
		one := make([]*votes.Dataset, len(sessions))
		for k, session := range sessions {
			one[k] = sub.Filter(votes.InSessions(session, session))
			want[k] = plainTables(one[k], keep)
		}
		for _, x := range []Index{Agree, SAbs, Kappa, Coincidence} {
			opts := &Options{KeepUnanimous: keep, MinN: 2}
			sm, err := AgreementBy(sub, BySession, x, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(sm.Periods) != len(sessions) {
				t.Fatalf("%d sessions, want %d", len(sm.Periods), len(sessions))
			}
			for k, session := range sm.Periods {
				got := sm.Matrices[k]
				var voted int
				for i := range one[k].NumCountries() {
					if want[k][i][i].N() > 0 {
						voted++
					}
				}
				if session != sessions[k] || len(got.Countries) != voted {
					t.Fatalf("%v session %d: %d states, want session %d, %d states", x, session, len(got.Countries), sessions[k], voted)
				}
				rows := make([]int, len(got.Countries))
				for i, c := range got.Countries {
					rows[i], _ = one[k].IndexOf(c)
				}
				for i, ia := range rows {
					for j, ib := range rows {
						w := want[k][min(ia, ib)][max(ia, ib)].Score(x, opts.MinN)
						if g := got.At(i, j); !sameScore(g, w) {
							t.Fatalf("%v keep=%v session %d %v-%v: %v, want %v", x, keep, session, got.Countries[i], got.Countries[j], g, w)
						}
					}
				}
			}
		}
	}
}

// randomWords returns n words of random votes (0 to 5, as in a Dataset).
func randomWords(rng *rand.Rand, n int) []word3 {
	out := make([]word3, n)
	row := make([]votes.Vote, 64)
	for w := range out {
		for k := range row {
			row[k] = votes.Vote(rng.IntN(6))
		}
		out[w] = pack(row)
	}
	return out
}

// The assembly kernel (where there is one) and the portable one agree with
// each other and with the full table, for any number of words and rows.
func TestAgreeRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, nw := range []int{0, 1, 2, 3, 7, 64, 97} {
		for _, rows := range []int{0, 1, 2, 5, 33} {
			for _, x := range []Index{Agree, SAbs} {
				scale := map[Index]float64{Agree: 2, SAbs: 1}[x]
				minN := 1 + rng.IntN(3)*nw*10
				stride := nw + rng.IntN(3)
				xw := randomWords(rng, nw)
				y := randomWords(rng, max(0, (rows-1)*stride+nw))
				s1, n1 := make([]float64, rows), make([]int32, rows)
				s2, n2 := make([]float64, rows), make([]int32, rows)
				agreeRows(xw, y, stride, minN, scale, s1, n1)
				agreeRowsGo(xw, y, stride, minN, scale, s2, n2)
				for r := range rows {
					var tab Table
					tableOfWords(&tab, xw, y[r*stride:r*stride+nw])
					want := tab.Score(x, minN)
					got, portable := Score{s1[r], int(n1[r])}, Score{s2[r], int(n2[r])}
					if !sameScore(got, want) || !sameScore(portable, want) {
						t.Fatalf("%v nw=%d minN=%d row %d: kernel %v, portable %v, table %v", x, nw, minN, r, got, portable, want)
					}
				}
			}
		}
	}
}

// pack puts every vote of a row in exactly one place: the counts of cast
// votes, of abstain-or-no and of no match the votes, and two rows packed
// alike give the table a plain loop gives.
func TestPack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 8, 9, 63, 64} {
		a, b := make([]votes.Vote, n), make([]votes.Vote, n)
		for k := range a {
			a[k], b[k] = votes.Vote(rng.IntN(6)), votes.Vote(rng.IntN(6))
		}
		pa, pb := pack(a), pack(b)
		var cast, notYes, no int
		for _, v := range a {
			if v.Cast() {
				cast++
			}
			if v == votes.Abstain || v == votes.No {
				notYes++
			}
			if v == votes.No {
				no++
			}
		}
		if got := [3]int{bits.OnesCount64(pa.cast), bits.OnesCount64(pa.notYes), bits.OnesCount64(pa.no)}; got != [3]int{cast, notYes, no} {
			t.Errorf("%d votes: counts %v, want %v", n, got, [3]int{cast, notYes, no})
		}
		var got Table
		tableOfWords(&got, []word3{pa}, []word3{pb})
		if want := tableOf(a, b); got != want {
			t.Errorf("%d votes: table\n%vwant\n%v", n, &got, &want)
		}
	}
}
