export const HELP = `sizing: LLM inference capacity planner (pooled node method)

Usage:
  sizing --model ID --server ID --concurrency N --effective-context TOKENS [options]
  sizing --template ID [options that override the template]
  sizing templates | sizing catalog models|servers|storage|precisions
  sizing project list|create|rename|delete|show|export|import ...   (project store)
  sizing save --project P --name S [sizing flags or --template ID]
  sizing show --project P --scenario S
  sizing export --project P --scenario S --format csv|pdf|svg|png --out FILE
  sizing serve [--port N] [--db PATH]

Sizing flags (the original script's, same names and meanings):
  --model ID                 model id (sizing catalog models)                  required
  --server ID                server id (sizing catalog servers)                required
  --storage ID               storage profile                                   default profile_default
  --concurrency N            concurrent sessions                               required
  --effective-context N      tokens held per session                           required
  --kv-precision P           fp32|fp16|bf16|fp8|int8|nvfp4                     default fp8
  --kv-budget-ratio R        share of node HBM for KV cache, in (0, 1]         default 0.70
  --runtime-overhead-gib G   GiB taken from the KV share by the runtime        default: model weights
                             + 4 GiB per GPU, rounded up (0 would be dangerous)
  --peak-headroom-ratio R    extra capacity for peaks, 0 to 10                 default 0.20
  --ha none|n+1|n+2          redundant nodes                                   default none

Options:
  --memory-basis nominal|measured   vendor GB (default) or nvidia-smi MiB capacity
  --price-per-node-usd USD          replaces the server's reference price range
  --years N                         TCO horizon (default 3)
  --pue X                           power usage effectiveness (default 1.3)
  --kwh-price-usd X                 electricity price (default 0.12)
  --cold-start-target-s S           cold-start target to check
  --engine-init-s S                 measured engine initialisation time (default 0)
  --availability-target R           e.g. 0.999
  --pod-size N                      nodes per pod in diagrams (default 3)
  --format text|json|csv            output (default text); --bom adds a UTF-8 BOM to CSV
  --lang en|pt-BR                   report language (default en)
  --db PATH                         project database (also SIZING_DB)
  --help, --version

Exit status: 0 feasible plan, 2 bad input (one line on stderr), 3 infeasible plan (result printed).
`;
