//go:build tools

// Package tools pins the Pulumi CLI so that `go build` of it uses this
// module's requirements (the CLI's own go.mod has local replace lines).
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
