# Runs once in each freshly launched container, with errexit and pipefail.
echo "installing toolchain on $(hostname)"
mkdir -p /opt/cluster
date > /opt/cluster/provisioned-at
echo ready > /opt/cluster/status
