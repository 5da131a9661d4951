package reports

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govindex/govindex/scoring"
)

// Every registered method has a Chinese name.
func TestMethodNamesCoverRegistries(t *testing.T) {
	for kind, names := range map[string][]string{
		"normalise": scoring.NormaliserNames(),
		"weights":   scoring.WeightingNames(),
		"aggregate": scoring.AggregatorNames(),
		"stars":     scoring.StarRuleNames(),
		"impute":    scoring.ImputerNames(),
		"treat":     scoring.TreatmentNames(),
	} {
		for _, n := range names {
			assert.Contains(t, methodZh[kind], n, "%s method %q has no Chinese name in methodZh", kind, n)
		}
	}
	assert.Equal(t, "熵权法（entropy）", methodName("zh", "weights", "entropy"))
	assert.Equal(t, "entropy", methodName("en", "weights", "entropy"))
	assert.Equal(t, "new-method", methodName("zh", "weights", "new-method"))
}
