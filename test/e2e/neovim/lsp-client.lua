-- Neovim as a second LSP client of the zonelint server (the Neovim 0.7 API: vim.lsp.start arrived in 0.8).
-- Opens the buffer given on the command line, waits for diagnostics in it and in its $INCLUDEd file, asks for
-- the document symbols, writes everything as JSON to $ZONELINT_RESULT and quits; exits non-zero on timeout.

local server = os.getenv('ZONELINT_SERVER')
local result_path = os.getenv('ZONELINT_RESULT')
local included = os.getenv('ZONELINT_INCLUDED')
local root = vim.fn.getcwd()
local buf = vim.api.nvim_get_current_buf()

local client_id = vim.lsp.start_client({
  name = 'zonelint',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'zones' } },
  init_options = { settings = { dns = 'off' } },
})
vim.lsp.buf_attach_client(buf, client_id)

local function included_buffer()
  local number = vim.fn.bufnr(root .. '/' .. included)
  return number
end

local function collect()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(nil)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(seen, {
      file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(d.bufnr), ':t'),
      code = d.code or lsp.code,
      severity = d.severity,
      source = d.source,
      range = string.format('%d:%d-%d:%d', d.lnum, d.col, d.end_lnum, d.end_col),
      related = #(lsp.relatedInformation or {}),
    })
  end
  return seen
end

local function finish()
  local symbols = {}
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, 5000) or {}
  for _, response in pairs(responses) do
    for _, symbol in ipairs(response.result or {}) do table.insert(symbols, symbol.name) end
  end
  local file = io.open(result_path, 'w')
  file:write(vim.fn.json_encode({ diagnostics = collect(), symbols = symbols }))
  file:close()
  vim.cmd('qa!')
end

local deadline = vim.loop.now() + 30000
local function poll()
  local other = included_buffer()
  if #vim.diagnostic.get(buf) > 0 and other > 0 and #vim.diagnostic.get(other) > 0 then
    finish()
  elseif vim.loop.now() > deadline then
    local file = io.open(result_path, 'w')
    file:write(vim.fn.json_encode({ timeout = true, diagnostics = collect() }))
    file:close()
    vim.cmd('cq!')
  else
    vim.defer_fn(poll, 50)
  end
end
poll()
