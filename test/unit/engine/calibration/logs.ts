/**
 * Start-up log excerpts in the engines' own line formats. Where an excerpt reproduces a public log,
 * its source is named; the others are written line for line in the format the cited engine source
 * prints, with figures of a real configuration.
 */

/**
 * vLLM 0.11.0 (V1 engine core), Llama-3.1-8B-Instruct on one H100 at 0.9, max model len 16,000, with
 * VLLM_LOGGING_LEVEL=DEBUG so the memory profile is printed (vllm/v1/worker/gpu_worker.py). Figures of
 * the accuracy row 2 (weights 14.99, activation peak 4.76, available KV 51.38 GiB).
 */
export const VLLM_V1_LLAMA_H100 = [
  'INFO 10-08 06:05:12 [__init__.py:216] Automatically detected platform cuda.',
  '(APIServer pid=1) INFO 10-08 06:05:16 [api_server.py:1839] vLLM API server version 0.11.0',
  "(APIServer pid=1) INFO 10-08 06:05:16 [utils.py:233] non-default args: {'model_tag': 'meta-llama/Llama-3.1-8B-Instruct', 'model': 'meta-llama/Llama-3.1-8B-Instruct', 'max_model_len': 16000, 'gpu_memory_utilization': 0.9}",
  '(APIServer pid=1) INFO 10-08 06:05:24 [model.py:547] Resolved architecture: LlamaForCausalLM',
  '(APIServer pid=1) INFO 10-08 06:05:24 [model.py:1510] Using max model len 16000',
  '(APIServer pid=1) INFO 10-08 06:05:25 [scheduler.py:205] Chunked prefill is enabled with max_num_batched_tokens=8192.',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:33 [core.py:644] Waiting for init message from front-end.',
  "(EngineCore_DP0 pid=212) INFO 10-08 06:05:33 [core.py:77] Initializing a V1 LLM engine (v0.11.0) with config: model='meta-llama/Llama-3.1-8B-Instruct', speculative_config=None, tokenizer='meta-llama/Llama-3.1-8B-Instruct', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=16000, download_dir=None, load_format=auto, tensor_parallel_size=1, pipeline_parallel_size=1, data_parallel_size=1, disable_custom_all_reduce=False, quantization=None, enforce_eager=False, kv_cache_dtype=auto, device_config=cuda, seed=0, served_model_name=meta-llama/Llama-3.1-8B-Instruct, enable_prefix_caching=True, chunked_prefill_enabled=True, pooler_config=None",
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:36 [gpu_model_runner.py:2602] Starting to load model meta-llama/Llama-3.1-8B-Instruct...',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:41 [default_loader.py:267] Loading weights took 4.12 seconds',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:41 [gpu_model_runner.py:2653] Model loading took 14.9889 GiB and 4.843212 seconds',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:52 [monitor.py:34] torch.compile takes 9.95 s in total',
  '(EngineCore_DP0 pid=212) DEBUG 10-08 06:05:54 [gpu_worker.py:277] Initial free memory: 78.66 GiB; Requested memory: 0.90 (util), 71.26 GiB',
  '(EngineCore_DP0 pid=212) DEBUG 10-08 06:05:54 [gpu_worker.py:284] Free memory after profiling: 58.13 GiB (total), 50.73 GiB (within requested)',
  '(EngineCore_DP0 pid=212) DEBUG 10-08 06:05:54 [gpu_worker.py:290] Memory profiling takes 12.31 seconds. Total non KV cache memory: 19.88GiB; torch peak memory increase: 4.76GiB; non-torch forward increase memory: 0.13GiB; weights memory: 14.99GiB.',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:54 [gpu_worker.py:298] Available KV cache memory: 51.38 GiB',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:54 [kv_cache_utils.py:1087] GPU KV cache size: 420,896 tokens',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:05:54 [kv_cache_utils.py:1091] Maximum concurrency for 16,000 tokens per request: 26.31x',
  'Capturing CUDA graphs (mixed prefill-decode, PIECEWISE): 100%|██████████| 67/67 [00:03<00:00, 19.88it/s]',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:06:00 [gpu_model_runner.py:3480] Graph capturing finished in 6 secs, took 0.51 GiB',
  '(EngineCore_DP0 pid=212) INFO 10-08 06:06:00 [core.py:210] init engine (profile, create kv cache, warmup model) took 18.77 seconds',
  "(APIServer pid=1) INFO 10-08 06:06:01 [api_server.py:1634] Supported_tasks: ['generate']",
  'INFO:     Application startup complete.',
].join('\n');

/**
 * vLLM 0.6.4 (V0), Llama-3.1-8B-Instruct on an RTX 3090, max model len 20,000: the lines of
 * vllm-project/vllm#10517 (comment of 2024-12-02), with their INFO prefixes as V0 prints them.
 */
export const VLLM_V0_064_LLAMA_3090 = [
  "INFO 11-30 13:56:40 llm_engine.py:249] Initializing an LLM engine (v0.6.4.post1) with config: model='meta-llama/Llama-3.1-8B-Instruct', speculative_config=None, tokenizer='meta-llama/Llama-3.1-8B-Instruct', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, override_neuron_config=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=20000, download_dir=None, load_format=LoadFormat.AUTO, tensor_parallel_size=1, pipeline_parallel_size=1, disable_custom_all_reduce=False, quantization=None, enforce_eager=False, kv_cache_dtype=auto, quantization_param_path=None, device_config=cuda, seed=0, served_model_name=meta-llama/Llama-3.1-8B-Instruct, num_scheduler_steps=1, chunked_prefill_enabled=False multi_step_stream_outputs=True, enable_prefix_caching=False, use_async_output_proc=True, use_cached_outputs=True, mm_processor_kwargs=None, pooler_config=None",
  'INFO 11-30 13:56:55 model_runner.py:1077] Loading model weights took 14.9888 GB',
  'INFO 11-30 13:57:06 worker.py:232] Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB peak_torch_memory=17.06GiB memory_usage_post_profile=15.35GiB non_torch_memory=0.35GiB kv_cache_size=3.81GiB gpu_memory_utilization=0.90',
  'INFO 11-30 13:57:06 gpu_executor.py:113] # GPU blocks: 1952, # CPU blocks: 2048',
  'INFO 11-30 13:57:06 gpu_executor.py:117] Maximum concurrency for 20000 tokens per request: 1.56x',
  'INFO 11-30 13:57:09 model_runner.py:1400] Capturing cudagraphs for decoding. This may lead to unexpected consequences if the model is not static.',
  'INFO 11-30 13:57:21 model_runner.py:1518] Graph capturing finished in 12 secs, took 0.29 GiB',
].join('\n');

/**
 * vLLM 0.8 (V0 worker, multiprocessing executor), TP 4 on four 24 GiB GPUs at 0.99: the worker lines of
 * vllm-project/vllm PR #14447 (comment by davidsyoung, 2025-04-12), plus the driver's own lines, coloured as
 * vLLM colours them on a terminal, and one rank reporting a little less KV memory than the others.
 */
export const VLLM_V0_TP4_COLOURED = [
  "\x1b[32mINFO\x1b[0m 04-12 08:18:02 [llm_engine.py:243] Initializing a V0 LLM engine (v0.8.3) with config: model='/models/DeepSeek-R1-AWQ', speculative_config=None, tokenizer='/models/DeepSeek-R1-AWQ', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, override_neuron_config=None, tokenizer_revision=None, trust_remote_code=True, dtype=torch.float16, max_seq_len=8192, download_dir=None, load_format=LoadFormat.AUTO, tensor_parallel_size=4, pipeline_parallel_size=1, disable_custom_all_reduce=False, quantization=awq_marlin, enforce_eager=False, kv_cache_dtype=auto",
  '\x1b[32mINFO\x1b[0m 04-12 08:20:40 [model_runner.py:1146] Model loading took 21.2134 GiB and 150.123456 seconds',
  '(VllmWorkerProcess pid=521) \x1b[32mINFO\x1b[0m 04-12 08:20:41 [model_runner.py:1146] Model loading took 21.2134 GiB and 151.002314 seconds',
  '(VllmWorkerProcess pid=507) \x1b[32mINFO\x1b[0m 04-12 08:20:41 [model_runner.py:1146] Model loading took 21.2134 GiB and 151.020391 seconds',
  '(VllmWorkerProcess pid=577) \x1b[32mINFO\x1b[0m 04-12 08:20:41 [model_runner.py:1146] Model loading took 21.2134 GiB and 151.118830 seconds',
  '\x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] Memory profiling takes 17.61 seconds',
  '\x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] the current vLLM instance can use total_gpu_memory (23.58GiB) x gpu_memory_utilization (0.99) = 23.35GiB',
  '\x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] model weights take 21.21GiB; non_torch_memory takes 0.25GiB; PyTorch activation peak memory takes 0.37GiB; the rest of the memory reserved for KV Cache is 1.52GiB.',
  '(VllmWorkerProcess pid=521) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] Memory profiling takes 17.59 seconds',
  '(VllmWorkerProcess pid=521) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] the current vLLM instance can use total_gpu_memory (23.58GiB) x gpu_memory_utilization (0.99) = 23.35GiB',
  '(VllmWorkerProcess pid=521) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] model weights take 21.21GiB; non_torch_memory takes 0.20GiB; PyTorch activation peak memory takes 0.37GiB; the rest of the memory reserved for KV Cache is 1.57GiB.',
  '(VllmWorkerProcess pid=507) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] Memory profiling takes 17.59 seconds',
  '(VllmWorkerProcess pid=507) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] the current vLLM instance can use total_gpu_memory (23.58GiB) x gpu_memory_utilization (0.99) = 23.35GiB',
  '(VllmWorkerProcess pid=507) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] model weights take 21.21GiB; non_torch_memory takes 0.20GiB; PyTorch activation peak memory takes 0.37GiB; the rest of the memory reserved for KV Cache is 1.57GiB.',
  '(VllmWorkerProcess pid=577) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] Memory profiling takes 17.56 seconds',
  '(VllmWorkerProcess pid=577) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] the current vLLM instance can use total_gpu_memory (23.58GiB) x gpu_memory_utilization (0.99) = 23.35GiB',
  '(VllmWorkerProcess pid=577) \x1b[32mINFO\x1b[0m 04-12 08:21:19 [worker.py:267] model weights take 21.21GiB; non_torch_memory takes 0.20GiB; PyTorch activation peak memory takes 0.37GiB; the rest of the memory reserved for KV Cache is 1.57GiB.',
  '\x1b[32mINFO\x1b[0m 04-12 08:21:20 [executor_base.py:112] # cuda blocks: 1416, # CPU blocks: 3855',
  '\x1b[32mINFO\x1b[0m 04-12 08:21:20 [executor_base.py:117] Maximum concurrency for 8192 tokens per request: 2.77x',
].join('\n');

/**
 * vLLM 0.8.5 V1 on one L40S, Llama-3.1-8B-Instruct: the lines of vllm-project/vllm PR #17122 (before the
 * change: V1 of that time printed no available-KV line), with the config line vLLM prints first.
 */
export const VLLM_V1_085_L40S = [
  "INFO 04-24 16:32:51 [core.py:58] Initializing a V1 LLM engine (v0.8.5.dev152+g0ae43dff) with config: model='meta-llama/Llama-3.1-8B-Instruct', speculative_config=None, tokenizer='meta-llama/Llama-3.1-8B-Instruct', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, override_neuron_config=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=32768, download_dir=None, load_format=LoadFormat.AUTO, tensor_parallel_size=1, pipeline_parallel_size=1, disable_custom_all_reduce=False, quantization=None, enforce_eager=False, kv_cache_dtype=auto",
  'INFO 04-24 16:32:59 [loader.py:458] Loading weights took 2.95 seconds',
  'INFO 04-24 16:33:00 [gpu_model_runner.py:1316] Model loading took 14.9889 GiB and 3.652170 seconds',
  "INFO 04-24 16:33:06 [backends.py:420] Using cache directory: /home/datta0/.cache/vllm/torch_compile_cache/0dd1850a5d/rank_0_0 for vLLM's torch.compile",
  'INFO 04-24 16:33:12 [monitor.py:33] torch.compile takes 6.41 s in total',
  'INFO 04-24 16:33:13 [kv_cache_utils.py:634] GPU KV cache size: 158,656 tokens',
  'INFO 04-24 16:33:13 [kv_cache_utils.py:637] Maximum concurrency for 32,768 tokens per request: 4.84x',
].join('\n');

/**
 * vLLM 0.11.0 V1 at TP 2 (per-rank worker processes "(Worker_TPn pid=…)"), Qwen3-32B on two H100 at 0.9:
 * figures of the accuracy row 4 (weights 30.59, available KV 34.49 GiB per GPU).
 */
export const VLLM_V1_TP2_QWEN = [
  "(APIServer pid=1) INFO 10-06 12:00:01 [utils.py:233] non-default args: {'model_tag': 'Qwen/Qwen3-32B', 'model': 'Qwen/Qwen3-32B', 'max_model_len': 16000, 'tensor_parallel_size': 2}",
  "(EngineCore_DP0 pid=212) INFO 10-06 12:00:09 [core.py:77] Initializing a V1 LLM engine (v0.11.0) with config: model='Qwen/Qwen3-32B', speculative_config=None, tokenizer='Qwen/Qwen3-32B', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=16000, download_dir=None, load_format=auto, tensor_parallel_size=2, pipeline_parallel_size=1, data_parallel_size=1, disable_custom_all_reduce=False, quantization=None, enforce_eager=False, kv_cache_dtype=auto, device_config=cuda",
  '(Worker_TP0 pid=346) INFO 10-06 12:00:31 [gpu_model_runner.py:2653] Model loading took 30.5855 GiB and 19.112200 seconds',
  '(Worker_TP1 pid=347) INFO 10-06 12:00:31 [gpu_model_runner.py:2653] Model loading took 30.5855 GiB and 19.360871 seconds',
  '(Worker_TP1 pid=347) INFO 10-06 12:00:52 [gpu_worker.py:298] Available KV cache memory: 34.52 GiB',
  '(Worker_TP0 pid=346) INFO 10-06 12:00:52 [gpu_worker.py:298] Available KV cache memory: 34.49 GiB',
  '(EngineCore_DP0 pid=212) INFO 10-06 12:00:53 [kv_cache_utils.py:1087] GPU KV cache size: 282,528 tokens',
  '(EngineCore_DP0 pid=212) INFO 10-06 12:00:53 [kv_cache_utils.py:1091] Maximum concurrency for 16,000 tokens per request: 17.66x',
  '(Worker_TP0 pid=346) INFO 10-06 12:01:01 [gpu_model_runner.py:3480] Graph capturing finished in 8 secs, took 0.60 GiB',
  '(Worker_TP1 pid=347) INFO 10-06 12:01:01 [gpu_model_runner.py:3480] Graph capturing finished in 8 secs, took 0.62 GiB',
].join('\n');

/**
 * SGLang on one H200: the lines of sgl-project/sglang PR #4848 (server_args, 2025-04-03) and PR #4826
 * (Load weight / KV cache / memory pool lines, 2025-03-27), joined as one start-up of Llama-3.1-8B.
 */
export const SGLANG_LLAMA_H200 = [
  "[2025-04-03 04:46:21] server_args=ServerArgs(model_path='meta-llama/Llama-3.1-8B-Instruct', tokenizer_path='meta-llama/Llama-3.1-8B-Instruct', tokenizer_mode='auto', skip_tokenizer_init=False, load_format='auto', trust_remote_code=False, dtype='auto', kv_cache_dtype='auto', quantization=None, quantization_param_path=None, context_length=None, device='cuda', served_model_name='meta-llama/Llama-3.1-8B-Instruct', chat_template=None, completion_template=None, is_embedding=False, revision=None, host='127.0.0.1', port=30000, mem_fraction_static=0.88, max_running_requests=None, max_total_tokens=None, chunked_prefill_size=8192, max_prefill_tokens=16384, schedule_policy='fcfs', schedule_conservativeness=1.0, cpu_offload_gb=0, page_size=1, tp_size=1, stream_interval=1, stream_output=False, random_seed=827599081)",
  '[2025-04-03 04:46:27 TP0] Init torch distributed begin.',
  '[2025-04-03 04:46:28 TP0] Init torch distributed ends. mem usage=0.00 GB',
  '[2025-04-03 04:46:28 TP0] Load weight begin. avail mem=139.21 GB',
  '[2025-04-03 04:46:33 TP0] Load weight end. type=LlamaForCausalLM, dtype=torch.bfloat16, avail mem=124.06 GB, mem usage=15.15 GB.',
  '[2025-04-03 04:46:33 TP0] KV Cache is allocated. #tokens: 840325, K size: 51.29 GB, V size: 51.29 GB',
  '[2025-04-03 04:46:33 TP0] Memory pool end. avail mem=20.87 GB',
  '[2025-04-03 04:46:34 TP0] Capture cuda graph begin. This can take up to several minutes. avail mem=20.21 GB',
  '[2025-04-03 04:46:42 TP0] Capture cuda graph end. Time elapsed: 8.41 s. mem usage=0.72 GB. avail mem=19.49 GB.',
  '[2025-04-03 04:46:43 TP0] max_total_num_tokens=840325, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=4097, context_len=131072, available_gpu_mem=19.49 GB',
  '[2025-04-03 04:46:44] INFO:     Uvicorn running on http://127.0.0.1:30000 (Press CTRL+C to quit)',
  '[2025-04-03 04:46:45] The server is fired up and ready to roll!',
].join('\n');

/**
 * SGLang at TP 2 with DeepSeek-style latent attention ("KV size" instead of K and V), the rank tags of
 * sgl-project/sglang PR #12978 (2025-11-10), where the two ranks' CUDA-graph figures differ.
 */
export const SGLANG_TP2_MLA = [
  "[2025-11-10 19:58:01] server_args=ServerArgs(model_path='deepseek-ai/DeepSeek-V2-Lite-Chat', tokenizer_path='deepseek-ai/DeepSeek-V2-Lite-Chat', kv_cache_dtype='auto', context_length=32768, mem_fraction_static=0.85, tp_size=2, trust_remote_code=True)",
  '[2025-11-10 19:58:40 TP0] Load weight begin. avail mem=78.51 GB',
  '[2025-11-10 19:58:40 TP1] Load weight begin. avail mem=78.37 GB',
  '[2025-11-10 19:58:52 TP1] Load weight end. type=DeepseekV2ForCausalLM, dtype=torch.bfloat16, avail mem=63.12 GB, mem usage=15.25 GB.',
  '[2025-11-10 19:58:52 TP0] Load weight end. type=DeepseekV2ForCausalLM, dtype=torch.bfloat16, avail mem=63.26 GB, mem usage=15.25 GB.',
  '[2025-11-10 19:58:53 TP0] KV Cache is allocated. #tokens: 1001504, KV size: 51.77 GB',
  '[2025-11-10 19:58:53 TP1] KV Cache is allocated. #tokens: 1001504, KV size: 51.77 GB',
  '[2025-11-10 19:59:09 TP1] Capture cuda graph end. Time elapsed: 11.35 s. mem usage=1.04 GB. avail mem=11.22 GB.',
  '[2025-11-10 19:59:09 TP0] Capture cuda graph end. Time elapsed: 11.39 s. mem usage=1.00 GB. avail mem=11.17 GB.',
  '[2025-11-10 19:59:10 TP0] max_total_num_tokens=1001504, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=2048, context_len=32768, available_gpu_mem=11.17 GB',
].join('\n');

/**
 * SGLang 0.4.3.post4 at TP 4 on four L4 24 GB (an AWS g6.12xlarge), QwQ-32B, its own default
 * mem_fraction_static 0.85 printed in server_args (abbreviated here): the start-up published in
 * didier-durand/llms-in-clouds docs/sglang.md (2025-03-08; the image's Dockerfile pins sglang 0.4.3.post4).
 * Each rank's distributed init took 0.13 GB (NCCL over PCIe; custom all-reduce off), and the KV pool
 * is 0.85 × 21.63 − 15.54 GB: pre_model_load_memory × fraction − weights, as model_runner.py computes it.
 */
export const SGLANG_QWQ_L4_TP4 = [
  "[2025-03-08 12:29:04] server_args=ServerArgs(model_path='/home/model/Qwen/QwQ-32B', tokenizer_path='/home/model/Qwen/QwQ-32B', kv_cache_dtype='auto', context_length=None, device='cuda', served_model_name='/home/model/Qwen/QwQ-32B', mem_fraction_static=0.85, max_running_requests=None, max_total_tokens=None, chunked_prefill_size=2048, max_prefill_tokens=16384, tp_size=4, dp_size=1, disable_custom_all_reduce=False, enable_p2p_check=True)",
  '[2025-03-08 12:29:11 TP0] Init torch distributed begin.',
  '[2025-03-08 12:29:12 TP0] sglang is using nccl==2.21.5',
  "[2025-03-08 12:29:12 TP0] Custom allreduce is disabled because it's not supported on more than two PCIe-only GPUs. To silence this warning, specify disable_custom_all_reduce=True explicitly.",
  '[2025-03-08 12:29:13 TP2] Init torch distributed ends. mem usage=0.13 GB',
  '[2025-03-08 12:29:13 TP3] Init torch distributed ends. mem usage=0.13 GB',
  '[2025-03-08 12:29:13 TP1] Init torch distributed ends. mem usage=0.13 GB',
  '[2025-03-08 12:29:13 TP0] Init torch distributed ends. mem usage=0.13 GB',
  '[2025-03-08 12:29:13 TP3] Load weight begin. avail mem=21.63 GB',
  '[2025-03-08 12:29:13 TP0] Load weight begin. avail mem=21.63 GB',
  '[2025-03-08 12:29:13 TP1] Load weight begin. avail mem=21.63 GB',
  '[2025-03-08 12:29:13 TP2] Load weight begin. avail mem=21.63 GB',
  '[2025-03-08 12:29:21 TP1] Load weight end. type=Qwen2ForCausalLM, dtype=torch.bfloat16, avail mem=6.09 GB, mem usage=15.54 GB.',
  '[2025-03-08 12:29:21 TP2] Load weight end. type=Qwen2ForCausalLM, dtype=torch.bfloat16, avail mem=6.09 GB, mem usage=15.54 GB.',
  '[2025-03-08 12:29:21 TP3] Load weight end. type=Qwen2ForCausalLM, dtype=torch.bfloat16, avail mem=6.09 GB, mem usage=15.54 GB.',
  '[2025-03-08 12:29:21 TP0] Load weight end. type=Qwen2ForCausalLM, dtype=torch.bfloat16, avail mem=6.09 GB, mem usage=15.54 GB.',
  '[2025-03-08 12:29:21 TP0] KV Cache is allocated. #tokens: 46611, K size: 1.42 GB, V size: 1.42 GB',
  '[2025-03-08 12:29:21 TP1] KV Cache is allocated. #tokens: 46611, K size: 1.42 GB, V size: 1.42 GB',
  '[2025-03-08 12:29:21 TP2] KV Cache is allocated. #tokens: 46611, K size: 1.42 GB, V size: 1.42 GB',
  '[2025-03-08 12:29:21 TP3] KV Cache is allocated. #tokens: 46611, K size: 1.42 GB, V size: 1.42 GB',
  '[2025-03-08 12:29:21 TP0] Memory pool end. avail mem=2.09 GB',
  '[2025-03-08 12:29:28 TP0] Capture cuda graph end. Time elapsed: 7.23 s. avail mem=0.53 GB. mem usage=0.93 GB.',
  '[2025-03-08 12:29:29 TP0] max_total_num_tokens=46611, chunked_prefill_size=2048, max_prefill_tokens=16384, max_running_requests=2049, context_len=131072',
].join('\n');

/** A log cut off while the weights were loading: no KV cache line yet. */
export const VLLM_TRUNCATED = VLLM_V1_LLAMA_H100.split('\n').slice(0, 11).join('\n');

/** The same start-up, truncated just before SGLang allocated its KV cache. */
export const SGLANG_TRUNCATED = SGLANG_LLAMA_H200.split('\n').slice(0, 5).join('\n');

/** A failed start (vLLM 0.7.3, int4 weights larger than the GPU): the KV budget came out negative. */
export const VLLM_FAILED_START = [
  'INFO 05-02 10:11:12 worker.py:267] Memory profiling takes 3.12 seconds',
  'INFO 05-02 10:11:12 worker.py:267] the current vLLM instance can use total_gpu_memory (6.00GiB) x gpu_memory_utilization (0.90) = 5.40GiB',
  'INFO 05-02 10:11:12 worker.py:267] model weights take 5.43GiB; non_torch_memory takes -0.51GiB; PyTorch activation peak memory takes 1.42GiB; the rest of the memory reserved for KV Cache is -0.94GiB.',
  'INFO 05-02 10:11:12 executor_base.py:111] # cuda blocks: 0, # CPU blocks: 4681',
  'INFO 05-02 10:11:12 executor_base.py:116] Maximum concurrency for 4200 tokens per request: 0.00x',
].join('\n');

/** Logs of other programs: TensorRT-LLM's executor and a web server's access log. */
export const TRTLLM_LOG = [
  '[TensorRT-LLM] TensorRT-LLM version: 0.17.0',
  '[TensorRT-LLM][INFO] Engine version 0.17.0 found in the config file, assuming engine(s) built by new builder API.',
  '[TensorRT-LLM][INFO] Loaded engine size: 15343 MiB',
  '[TensorRT-LLM][INFO] [MemUsageChange] Allocated 57.50 GiB for max tokens in paged KV cache (470912).',
].join('\n');

export const NGINX_LOG = [
  '127.0.0.1 - - [10/Oct/2025:13:55:36 +0000] "GET /v1/models HTTP/1.1" 200 612 "-" "curl/8.5.0"',
  '127.0.0.1 - - [10/Oct/2025:13:55:37 +0000] "POST /v1/chat/completions HTTP/1.1" 200 1184 "-" "python-requests/2.32"',
].join('\n');
