module github.com/framegen/framegen/tests/go

go 1.22

require (
	github.com/framegen/framegen/generated/go v0.0.0
	github.com/framegen/framegen/tests/types/generated/go v0.0.0
)

replace github.com/framegen/framegen/generated/go => ../../generated/go

replace github.com/framegen/framegen/tests/types/generated/go => ../types/generated/go
