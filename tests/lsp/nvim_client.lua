-- Drives Neovim's built-in LSP client (headless) against `sopmap lsp`:
-- open a SOP with a misspelt `next`, wait for the diagnostics, apply the
-- quick fix through vim.lsp.buf.code_action(), jump with `gd` from the
-- fixed `next` value, wait for the diagnostics to clear, save. Everything
-- observed is written as JSON to $RESULT for the Rust test to judge.
local bin, file, out = os.getenv('SOPMAP_BIN'), os.getenv('SOP_FILE'), os.getenv('RESULT')
local result = { steps = {} }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local function guard(fn)
  local ok, err = pcall(fn)
  if not ok then
    result.error = tostring(err)
    finish()
  end
end

guard(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'sopmap',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client_id)
  vim.keymap.set('n', 'gd', vim.lsp.buf.definition, { buffer = buf })

  -- 1. The did-you-mean diagnostic arrives.
  local got = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  table.insert(result.steps, 'diagnostics:' .. tostring(got))
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(result.diagnostics, {
      line = d.lnum + 1, col = d.col + 1, message = d.message, code = code,
    })
  end
  local first = vim.diagnostic.get(buf)[1]
  if first == nil then return finish() end

  -- 2. Apply the quick fix the way a user does: code_action() at the
  -- finding, picking the first action offered.
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local before = vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1]
  local titles = {}
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local action = item[2] or item.action or item
      table.insert(titles, action.title)
    end
    on_choice(items[1], 1)
  end
  vim.lsp.buf.code_action()
  local changed = vim.wait(10000, function()
    return vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1] ~= before
  end, 20)
  result.actions = titles
  result.line_before = before
  result.line_after = vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1]
  table.insert(result.steps, 'action:' .. tostring(changed))

  -- 3. `gd` on the (now correct) `next` value lands on the step.
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col + 1 })
  local from = vim.api.nvim_win_get_cursor(0)[1]
  vim.cmd('normal gd')
  local jumped = vim.wait(10000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= from end, 20)
  local cursor = vim.api.nvim_win_get_cursor(0)
  result.definition = {
    line = cursor[1], col = cursor[2] + 1,
    text = vim.api.nvim_buf_get_lines(buf, cursor[1] - 1, cursor[1], false)[1],
  }
  table.insert(result.steps, 'definition:' .. tostring(jumped))

  -- 4. The finding goes away once the server has re-checked the edit.
  local clean = vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  result.remaining = #vim.diagnostic.get(buf)
  table.insert(result.steps, 'clean:' .. tostring(clean))

  vim.cmd('write')
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
  finish()
end)
