// Package scoring turns a region × indicator matrix into a rated index:
// direction → normalise → weight → aggregate (level by level up the
// framework tree) → rank → stars.
//
// Every method is one small function in a file named for its step,
// registered by name: normalisers in normalise.go, aggregators in
// aggregate.go, weightings in weights.go, star rules in stars.go, tie rules
// in rank.go. Run drives the steps and returns a Result.
//
// Missing values are NaN throughout. Numerical failure is reported with an
// ok bool, bad input (a method that cannot apply to the data) as an
// *indicators.InputError, and panics are kept for programmer errors.
package scoring
