//go:build tools

// The provider's own main package is what gets built; this import keeps it in go.mod.
package tools

import _ "github.com/terraform-providers/terraform-provider-docker"
