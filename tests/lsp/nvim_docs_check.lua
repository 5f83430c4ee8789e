-- Run after the Neovim 0.7 configuration of docs/editors.md (loaded as
-- the user's init file, the SOP given on the command line): waits for the
-- server that configuration started to publish the file's diagnostics,
-- and writes what Neovim holds as JSON to $RESULT.
local out = os.getenv('RESULT')
local result = {}
local buf = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[buf].filetype
result.got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { line = d.lnum + 1, col = d.col + 1, message = d.message })
end
local clients = vim.lsp.buf_get_clients(buf)
result.clients = {}
for _, c in pairs(clients) do
  table.insert(result.clients, { name = c.name, root = c.config.root_dir })
end
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
for _, c in pairs(clients) do c.stop() end
vim.wait(2000, function() return next(vim.lsp.get_active_clients()) == nil end, 20)
vim.cmd('qa!')
