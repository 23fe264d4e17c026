#!/usr/bin/env bash
# A multi-node Ray cluster on this machine: start it, run the benchmark articles through it,
# stop it.
#
#   bash benchmarks/ray_cluster.sh [--nodes 2] [--cpus 1] [BENCH_RAY_OPTIONS...]
#
# One head node (no CPUs: it holds the cluster's state, as a real head node does) and NODES
# worker nodes of CPUS CPUs each, every one a `ray start` of its own on 127.0.0.1 with its own
# ports; then benchmarks/bench_ray.py with --address (its Ray rows: 1 actor, then one per
# node, spread over the nodes; its local rows with --threads CPUS, as much as an actor has;
# BENCH_RAY_OPTIONS such as --small, --articles N, --repeat N or --skip-local go to it), then
# `ray stop`. Needs the ray extra (pip install -e ".[ray]") and root.
#
# Everything runs in network, process and mount namespaces of its own (unshare): the nodes
# listen on the loopback address only and reach nothing else, `ray stop` sees only this
# cluster's processes (never another Ray on the machine), /tmp/ray is the cluster's own, and
# whatever is left ends with the script. The nodes share one token (RAY_AUTH_MODE=token).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${LOCALISE_RAY_CLUSTER_INSIDE:-}" ]]; then
    exec unshare --net --pid --mount --fork --mount-proc \
        env LOCALISE_RAY_CLUSTER_INSIDE=1 bash "$0" "$@"
fi

nodes=2
cpus=1
bench=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --nodes) nodes="$2"; shift 2 ;;
        --cpus) cpus="$2"; shift 2 ;;
        *) bench+=("$1"); shift ;;
    esac
done

ip link set lo up
mkdir -p /tmp/ray
mount -t tmpfs -o size=2g tmpfs /tmp/ray
export RAY_AUTH_MODE=token
RAY_AUTH_TOKEN="$(python -c 'import secrets; print(secrets.token_hex(32))')"
export RAY_AUTH_TOKEN
export RAY_USAGE_STATS_ENABLED=0
# Ray's core logs ("Failed to determine local IP via external connectivity": none here).
export RAY_BACKEND_LOG_LEVEL=error

port=6380
stop() { ray stop --force >/dev/null 2>&1 || true; }
trap stop EXIT

started=$(date +%s.%N)
log=/tmp/ray/localise-cluster.log  # what `ray start` says, shown if it fails
ray start --head --node-ip-address 127.0.0.1 --port "$port" --num-cpus 0 \
    --object-store-memory 200000000 --include-dashboard false --disable-usage-stats \
    >"$log" 2>&1 || { cat "$log"; exit 1; }
for ((node = 1; node <= nodes; node++)); do
    base=$((20000 + node * 1000))
    ray start --address "127.0.0.1:$port" --node-ip-address 127.0.0.1 --num-cpus "$cpus" \
        --object-store-memory 300000000 --disable-usage-stats \
        --node-manager-port $((base + 1)) --object-manager-port $((base + 2)) \
        --runtime-env-agent-port $((base + 3)) --dashboard-agent-grpc-port $((base + 4)) \
        --dashboard-agent-listen-port $((base + 5)) --metrics-export-port $((base + 6)) \
        --min-worker-port $((base + 100)) --max-worker-port $((base + 999)) \
        >"$log" 2>&1 || { cat "$log"; exit 1; }
done
python - "$port" <<'EOF'
import sys

import ray

ray.init(address=f"127.0.0.1:{sys.argv[1]}", logging_level="ERROR")
nodes = [n for n in ray.nodes() if n["Alive"]]
cpus = sorted(n["Resources"].get("CPU", 0.0) for n in nodes)
print(f"cluster: {len(nodes)} nodes on 127.0.0.1 (head + workers), CPUs per node {cpus}")
EOF
echo "cluster started in $(python -c "print(f'{$(date +%s.%N) - $started:.1f}')") s"

# The local rows with as many threads per worker as an actor has CPUs: like for like.
python benchmarks/bench_ray.py --address "127.0.0.1:$port" --threads "$cpus" "${bench[@]}" \
    2> >(grep -v "network_util.cc" >&2)
