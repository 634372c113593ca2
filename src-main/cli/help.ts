/** `sizing --help`, in English; `sizing --help --lang pt-BR` prints HELP_PT_BR. */
export const HELP_EN = `sizing: LLM inference capacity planner (pooled node method)

Usage:
  sizing --model ID --server ID --concurrency N --effective-context TOKENS [options]
  sizing --template ID [options that override the template]
  sizing templates | sizing catalog models|servers|storage|precisions
  sizing project list|create|rename|delete|show|export|import ...   (project store)
  sizing save --project P --name S [sizing flags or --template ID]
  sizing show --project P --scenario S
  sizing region list|add|set|rename|remove --project P --scenario S --region NAME [--concurrency N]
  sizing compare --project P A B ... [--format text|json|csv|xlsx] [--only-differences]
  sizing sweep --sweep FIELD --from X --to Y [--points N] [sizing flags or --template ID]
  sizing export --project P --scenario S --format csv|xlsx|pdf|svg|png --out FILE [--force]
  sizing serve [--port N] [--db PATH] [--verbose]
  sizing calibrate LOGFILE [--model ID] [--server ID] [--log-date YYYY-MM-DD] [--save] [--format text|json]
                             read a vLLM or SGLang start-up log; --save stores its calibration profile
  sizing calibration list | sizing calibration delete ID
  sizing optimise --model ID --concurrency N --effective-context T [--tpot-ms X] [--ttft-s Y]
                  [--prompt-tokens P] [--output-tokens O] [--servers a,b,...] [--max-capex-usd C]
                  [--objective tco|capex|nodes] [--top K] [--format text|json|csv]
                  [--db PATH] [--no-calibration] [--catalog FILE.json [--replace]]
                             the cheapest plans across the catalog, with your own records and the
                             stored calibration profiles of the database (as sizing uses them)

Sizing flags (the original script's, same names and meanings):
  --model ID                 model id (sizing catalog models)                  required
  --server ID                server id (sizing catalog servers)                required
  --storage ID               storage profile                                   default profile_default
  --concurrency N            concurrent sessions                               required
  --effective-context N      tokens held per session                           required
  --kv-precision P           auto|fp32|fp16|bf16|fp8|int8|nvfp4 (auto: the model's dtype)  default fp8
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
  --average-power-ratio R           average draw as a share of maximum power (default 0.7)
  --colocation-usd-per-kw-month X   colocation per kW of maximum power (default 184, CBRE H2 2024)
  --support-usd-per-node-year X     support and software per node (default 36000, NVIDIA AI Enterprise)
  --network-usd-per-node X          network fabric per node, in CapEx (default 25000)
  --cold-start-target-s S           cold-start target to check
  --engine-init-s S                 measured engine initialisation (default 60, a planning figure)
  --availability-target R           e.g. 0.999
  --pod-size N                      nodes per pod in diagrams (default 3)
  --weights-precision bf16|fp8|fp4  weights from the parameter count in this format (embeddings and
                                    output head stay bf16); refused where the GPU has no such units
  --tpot-ms X, --ttft-s Y           service targets: time per output token, time to first token
  --prompt-tokens P, --output-tokens O   mean request lengths (TTFT needs the prompt length)
  --bandwidth-efficiency R, --compute-efficiency R, --communication-efficiency R
                                    latency model efficiencies (defaults 0.80, 0.55, 0.80)
  --format text|json|csv            output (default text); CSV is comma-separated in English,
                                    semicolons and decimal commas with --lang pt-BR; --bom adds a UTF-8 BOM
  --lang en|pt-BR                   report language (default en)

Engine method (--method engine; the pooled method stays the default):
  --method pooled|engine            pooled node (the original) or per-GPU as the serving engine budgets it
  --engine vllm|sglang|trtllm       serving engine (default vllm)
  --engine-version V                vLLM 0.10|0.11|0.17|0.21 (default 0.17), SGLang 0.4, TensorRT-LLM 1.0
  --gpu-memory-utilization R        vLLM: share of total GPU memory (default 0.9; 0.92 from 0.21)
  --mem-fraction-static R           SGLang: share for weights + KV pool (default by TP, 0.88 at TP1)
  --free-gpu-memory-fraction R      TensorRT-LLM: share of memory free after loading (default 0.9)
  --tp N                            GPUs per replica, dividing the node's GPUs (default: smallest
                                    power of two that holds the weights and one session)
  --max-num-batched-tokens N        tokens per engine step (default by engine and GPU, 8192 or 2048)
  --max-num-seqs N                  running sequences per replica (default 1024 or 256 in vLLM)
  --max-model-len N                 longest request admitted (default: the effective context)
  --block-size N                    tokens per KV page (vLLM 16, TensorRT-LLM 32, SGLang 1)
  --no-calibration                  ignore stored calibration profiles (sizing calibrate --save);
                                    by default one for the same model, server, engine and TP is used
  --db PATH                         project database (also SIZING_DB)
  --force                           let --out replace an existing file (never a database)
  --help, --version

Exit status: 0 feasible plan, 2 bad input (one line on stderr), 3 infeasible plan (result printed).
`;

export const HELP_PT_BR = `sizing: planejador de capacidade de inferência LLM (método de nó agregado)

Uso:
  sizing --model ID --server ID --concurrency N --effective-context TOKENS [opções]
  sizing --template ID [opções que sobrescrevem o cenário de referência]
  sizing templates | sizing catalog models|servers|storage|precisions
  sizing project list|create|rename|delete|show|export|import ...   (projetos salvos)
  sizing save --project P --name S [flags de dimensionamento ou --template ID]
  sizing show --project P --scenario S
  sizing region list|add|set|rename|remove --project P --scenario S --region NOME [--concurrency N]
  sizing compare --project P A B ... [--format text|json|csv|xlsx] [--only-differences]
  sizing sweep --sweep CAMPO --from X --to Y [--points N] [flags ou --template ID]
  sizing export --project P --scenario S --format csv|xlsx|pdf|svg|png --out ARQUIVO [--force]
  sizing serve [--port N] [--db CAMINHO] [--verbose]
  sizing calibrate ARQUIVO_DE_LOG [--model ID] [--server ID] [--log-date AAAA-MM-DD] [--save] [--format text|json]
                             lê um log de inicialização do vLLM ou do SGLang; --save salva o perfil de calibração
  sizing calibration list | sizing calibration delete ID
  sizing optimise --model ID --concurrency N --effective-context T [--tpot-ms X] [--ttft-s Y]
                  [--prompt-tokens P] [--output-tokens O] [--servers a,b,...] [--max-capex-usd C]
                  [--objective tco|capex|nodes] [--top K] [--format text|json|csv]
                  [--db CAMINHO] [--no-calibration] [--catalog ARQUIVO.json [--replace]]
                             os planos mais baratos do catálogo, com seus próprios registros e os
                             perfis de calibração salvos no banco (como o sizing os usa)

Flags de dimensionamento (as do script original, mesmos nomes e significados):
  --model ID                 modelo (sizing catalog models)                     obrigatório
  --server ID                servidor (sizing catalog servers)                  obrigatório
  --storage ID               perfil de storage                                  padrão profile_default
  --concurrency N            sessões simultâneas (concorrência)                 obrigatório
  --effective-context N      tokens mantidos por sessão (contexto)              obrigatório
  --kv-precision P           auto|fp32|fp16|bf16|fp8|int8|nvfp4 (precisão KV; auto: o dtype do modelo)  padrão fp8
  --kv-budget-ratio R        fração da HBM do nó para cache KV, em (0, 1]       padrão 0.70
  --runtime-overhead-gib G   GiB da fração KV usados pelo runtime               padrão: pesos do modelo
                             + 4 GiB por GPU, arredondado para cima (0 seria perigoso)
  --peak-headroom-ratio R    headroom de pico, de 0 a 10                        padrão 0.20
  --ha none|n+1|n+2          nós redundantes                                    padrão none

Opções:
  --memory-basis nominal|measured   GB do fabricante (padrão) ou MiB do nvidia-smi
  --price-per-node-usd USD          substitui a faixa de preço de referência do servidor
  --years N                         horizonte do TCO (padrão 3)
  --pue X                           eficiência energética do data center (padrão 1.3)
  --kwh-price-usd X                 preço da energia (padrão 0.12)
  --average-power-ratio R           consumo médio como fração da potência máxima (padrão 0.7)
  --colocation-usd-per-kw-month X   colocation por kW de potência máxima (padrão 184, CBRE 2º sem. 2024)
  --support-usd-per-node-year X     suporte e software por nó (padrão 36000, NVIDIA AI Enterprise)
  --network-usd-per-node X          rede (fabric) por nó, no CapEx (padrão 25000)
  --cold-start-target-s S           meta de cold start a verificar
  --engine-init-s S                 inicialização medida do engine (padrão 60, valor de planejamento)
  --availability-target R           p. ex. 0.999
  --pod-size N                      nós por pod nos diagramas (padrão 3)
  --weights-precision bf16|fp8|fp4  pesos calculados pela contagem de parâmetros neste formato (embeddings
                                    e cabeça de saída ficam em bf16); recusado onde a GPU não tem suporte nativo
  --tpot-ms X, --ttft-s Y           metas de serviço: tempo por token de saída, tempo até o primeiro token
  --prompt-tokens P, --output-tokens O   tamanhos médios da requisição (o TTFT requer o do prompt)
  --bandwidth-efficiency R, --compute-efficiency R, --communication-efficiency R
                                    eficiências do modelo de latência (padrões 0.80, 0.55, 0.80)
  --format text|json|csv            saída (padrão text); CSV com ponto e vírgula e vírgula decimal
                                    em --lang pt-BR; --bom adiciona BOM UTF-8
  --lang en|pt-BR                   idioma do relatório (padrão en)
  --db CAMINHO                      banco de projetos (também SIZING_DB)
  --force                           permite que --out substitua um arquivo existente (nunca um banco)
  --help, --version

Método engine (--method engine; o método de nó agregado continua o padrão):
  --method pooled|engine            nó agregado (o original) ou por GPU, como o engine de serving orça
  --engine vllm|sglang|trtllm       engine de serving (padrão vllm)
  --engine-version V                vLLM 0.10|0.11|0.17|0.21 (padrão 0.17), SGLang 0.4, TensorRT-LLM 1.0
  --gpu-memory-utilization R        vLLM: fração da memória total da GPU (padrão 0.9; 0.92 a partir da 0.21)
  --mem-fraction-static R           SGLang: fração para pesos + pool de KV (padrão conforme o TP, 0.88 com TP1)
  --free-gpu-memory-fraction R      TensorRT-LLM: fração da memória livre após carregar (padrão 0.9)
  --tp N                            GPUs por réplica, divisor das GPUs do nó (padrão: a menor potência
                                    de dois que comporta os pesos e uma sessão)
  --max-num-batched-tokens N        tokens por passo do engine (padrão conforme engine e GPU, 8192 ou 2048)
  --max-num-seqs N                  sequências em execução por réplica (padrão 1024 ou 256 no vLLM)
  --max-model-len N                 maior requisição aceita (padrão: o contexto efetivo)
  --block-size N                    tokens por página de KV (vLLM 16, TensorRT-LLM 32, SGLang 1)
  --no-calibration                  ignora os perfis de calibração salvos (sizing calibrate --save);
                                    por padrão usa o do mesmo modelo, servidor, engine e TP

Código de saída: 0 plano viável, 2 entrada inválida (uma linha no stderr), 3 plano inviável (resultado impresso).
`;
