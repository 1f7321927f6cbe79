package idealpoint

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestInvalidOptions: options that once passed unchecked. Drift NaN or
// 1e-300 and Persistence NaN made EstimateDynamic stop after one sweep,
// "converged", with every SE 1.0000000000000007; Drift 1e-10 gave every SE
// 12.78. Each is now an ErrInvalidOptions naming the field and its range.
func TestInvalidOptions(t *testing.T) {
	ds := loadReal(t).Filter(votes.InSessions(73, 74))
	for _, tc := range []struct {
		opt  DynamicOptions
		want string
	}{
		{DynamicOptions{Drift: math.NaN()}, "Drift = NaN, want 0 (default 0.1) or a value in [0.01, 10]"},
		{DynamicOptions{Drift: 1e-300}, "Drift = 1e-300"},
		{DynamicOptions{Drift: 1e-10}, "Drift = 1e-10"},
		{DynamicOptions{Drift: -0.1}, "Drift = -0.1"},
		{DynamicOptions{Drift: math.Inf(1)}, "Drift = +Inf"},
		{DynamicOptions{Drift: 11}, "Drift = 11"},
		{DynamicOptions{UncertaintyDrift: 0.001}, "UncertaintyDrift = 0.001, want 0 (default 0.85) or a value in [0.01, 10]"},
		{DynamicOptions{Persistence: math.NaN()}, "Persistence = NaN, want 0 or 1 (random walk, the default) or a value in (0, 0.99995]"},
		{DynamicOptions{Persistence: 1.5}, "Persistence = 1.5"},
		{DynamicOptions{Persistence: 0.9999999}, "Persistence = 0.9999999"},
		{DynamicOptions{Persistence: -1}, "Persistence = -1"},
		{DynamicOptions{Options: Options{Tol: math.NaN()}}, "DynamicOptions.Tol = NaN"},
		{DynamicOptions{Options: Options{MaxIter: -1}}, "DynamicOptions.MaxIter = -1"},
		{DynamicOptions{Options: Options{Workers: -2}}, "DynamicOptions.Workers = -2"},
		// COW 3 and 999 name no state (the table goes 2 USA, 20 Canada):
		// the fit used to take the sign from the skewness instead, as for
		// an anchor that did not vote, and said nothing.
		{DynamicOptions{Options: Options{Anchor: 3}}, "DynamicOptions.Anchor = 3 is no state's COW code"},
		{DynamicOptions{Options: Options{Anchor: -2}}, "DynamicOptions.Anchor = -2"},
	} {
		_, err := EstimateDynamic(context.Background(), ds, &tc.opt)
		if !errors.Is(err, ErrInvalidOptions) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want ErrInvalidOptions with %q", tc.opt, err, tc.want)
		}
	}
	if _, err := Estimate(context.Background(), ds, &Options{Tol: -1}); !errors.Is(err, ErrInvalidOptions) || !strings.Contains(err.Error(), "Options.Tol = -1") {
		t.Errorf("Estimate Tol -1: err = %v", err)
	}
	if _, err := Estimate(context.Background(), ds, &Options{Anchor: 999}); !errors.Is(err, ErrInvalidOptions) || !strings.Contains(err.Error(), "Options.Anchor = 999") {
		t.Errorf("Estimate Anchor 999: err = %v", err)
	}
	// A state's code is accepted: Russia (365) anchored positive.
	rus, err := Estimate(context.Background(), ds.Filter(votes.InSessions(74, 74)), &Options{Anchor: 365})
	if err != nil {
		t.Fatalf("Anchor 365: %v", err)
	}
	if p, ok := rus.Position(votes.Country{COW: 365}); !ok || !(p.IdealPoint > 0) {
		t.Errorf("Anchor 365: Russia at %+v, %v; want positive", p, ok)
	}
	// The ends of the valid ranges fit and give standard errors that
	// differ between states (the bug gave one value for all).
	for _, opt := range []DynamicOptions{{Drift: minDrift}, {Drift: maxDrift}, {Persistence: maxPersistence}, {Persistence: 0.5}} {
		res, err := EstimateDynamic(context.Background(), ds, &opt)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range res.Positions {
			lo, hi = math.Min(lo, p.SE), math.Max(hi, p.SE)
		}
		if !res.Converged || res.Iterations < 2 || !(hi > 1.5*lo) || hi > 5 {
			t.Errorf("%+v: converged %v after %d sweeps, SE %.3f-%.3f", opt, res.Converged, res.Iterations, lo, hi)
		}
	}
}

// TestCancel: a cancelled context stops a fit at the end of the sweep and
// returns ctx.Err(); Progress sees every sweep in order.
func TestCancel(t *testing.T) {
	ds := loadReal(t).Filter(votes.InSessions(70, 74))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var sweeps []int
	opt := &DynamicOptions{Options: Options{Progress: func(p Progress) {
		sweeps = append(sweeps, p.Sweep)
		if p.Stage != "fit" || p.MaxIter != 500 || !(p.Change > 0) {
			t.Errorf("progress %+v", p)
		}
		if p.Sweep == 3 {
			cancel()
		}
	}}}
	res, err := EstimateDynamic(ctx, ds, opt)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("cancelled dynamic fit: %v, %v", res, err)
	}
	if len(sweeps) != 3 || sweeps[0] != 1 || sweeps[2] != 3 {
		t.Errorf("sweeps seen %v, want [1 2 3]", sweeps)
	}
	// Already cancelled: no sweep at all.
	sweeps = nil
	if _, err := Estimate(ctx, ds, &opt.Options); !errors.Is(err, context.Canceled) || len(sweeps) != 0 {
		t.Errorf("cancelled static fit: %v after %d sweeps", err, len(sweeps))
	}
	// A full fit reports the uncertainty stage after the last sweep.
	var last Progress
	n := 0
	res2, err := Estimate(context.Background(), ds.Filter(votes.InSessions(74, 74)), &Options{Progress: func(p Progress) { last = p; n++ }})
	if err != nil {
		t.Fatal(err)
	}
	if last.Stage != "uncertainty" || last.Sweep != res2.Iterations || n != res2.Iterations+1 {
		t.Errorf("last progress %+v after %d calls, %d sweeps", last, n, res2.Iterations)
	}
}
