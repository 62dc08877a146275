// Command pulumi-resource-docker serves @pulumi/docker 5.2.0's resource tokens
// from the Terraform provider kreuzwerker/docker through pulumi-terraform-bridge.
// It is a stand-in for the official plugin, which cannot be obtained here: the
// same upstream through the same bridge, not the official binary. berth's tests
// and benchmarks use it to run @pulumi/docker beside berth; no user installs it.
package main

import (
	"unicode"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	shimv2 "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfshim/sdk-v2"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/terraform-providers/terraform-provider-docker/internal/provider"
)

const version = "5.2.0"

// token gives @pulumi/docker's token for a resource: docker:index/container:Container.
func token(name string) tokens.Type {
	file := string(unicode.ToLower(rune(name[0]))) + name[1:]
	return tokens.Type("docker:index/" + file + ":" + name)
}

func main() {
	info := tfbridge.ProviderInfo{
		P:       shimv2.NewProvider(provider.New(version)()),
		Name:    "docker",
		Version: version,
		Config: map[string]*tfbridge.SchemaInfo{
			"host": {Default: &tfbridge.DefaultInfo{
				Value:   "unix:///var/run/docker.sock",
				EnvVars: []string{"DOCKER_HOST"},
			}},
			"registry_auth": {Name: "registryAuth"},
		},
		Resources: map[string]*tfbridge.ResourceInfo{
			// @pulumi/docker replaces containers delete-first: a container's
			// name cannot be taken twice.
			"docker_container": {
				Tok:                 token("Container"),
				DeleteBeforeReplace: true,
				Fields: map[string]*tfbridge.SchemaInfo{
					"command":           {Name: "command"},
					"networks_advanced": {Name: "networksAdvanced"},
				},
			},
			"docker_image": {
				Tok:    token("RemoteImage"),
				Fields: map[string]*tfbridge.SchemaInfo{"name": {Name: "name"}},
			},
			"docker_config":         {Tok: token("ServiceConfig")},
			"docker_network":        {Tok: token("Network")},
			"docker_plugin":         {Tok: token("Plugin")},
			"docker_registry_image": {Tok: token("RegistryImage")},
			"docker_secret":         {Tok: token("Secret")},
			"docker_service":        {Tok: token("Service")},
			"docker_tag":            {Tok: token("Tag")},
			"docker_volume":         {Tok: token("Volume")},
		},
	}
	info.SetAutonaming(255, "-")
	tfbridge.Main("docker", version, info, nil)
}
