"""A stock editor drives `copydesk lsp`: headless Neovim (Debian's package)
opens an article, receives the diagnostics, asks for code actions and applies
"fix all" with its own workspace-edit code, as a user's Neovim would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

NVIM = shutil.which("nvim")

# Neovim's own Lua: vim.lsp.start where it exists (0.8+), else start_client and attach (0.7).
SCRIPT = r"""
local out_path, article, python = _G.arg_out, _G.arg_article, _G.arg_python
local report = {}
vim.cmd('edit ' .. vim.fn.fnameescape(article))
local buf = vim.api.nvim_get_current_buf()
local config = {name = 'copydesk', cmd = {python, '-m', 'copydesk.cli', 'lsp', '--no-grammar'},
                root_dir = vim.fn.fnamemodify(article, ':h')}
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end
local function diagnostics() return vim.diagnostic.get(buf) end
report.got_diagnostics = vim.wait(20000, function() return #diagnostics() > 0 end, 50)
report.diagnostics = {}
for _, d in ipairs(diagnostics()) do
  table.insert(report.diagnostics, {code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col,
                                    message = d.message})
end
local params = {textDocument = {uri = vim.uri_from_bufnr(buf)},
                range = {start = {line = 0, character = 0}, ['end'] = {line = 0, character = 0}},
                context = {diagnostics = {}, only = {'source.fixAll'}}}
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000) or {}
report.actions = {}
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(report.actions, action.title)
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  end
end
report.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
-- Neovim sends the change itself; after the pause, the server clears the diagnostics.
report.cleared = vim.wait(20000, function() return #diagnostics() == 0 end, 50)
local file = io.open(out_path, 'w')
file:write(vim.fn.json_encode(report))
file:close()
vim.cmd('qall!')
"""


@pytest.mark.skipif(NVIM is None, reason="nvim not found: scripts/setup.sh installs Debian's neovim for this test")
def test_neovim_shows_diagnostics_and_applies_fix_all(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Musk’s visit\n\nTesla’s chief 🚀 landed.  Musk's plane is Tesla’s.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    script = tmp_path / "drive.lua"
    script.write_text(SCRIPT, encoding="utf-8")
    setup = (f"lua _G.arg_out={json.dumps(str(out))}; _G.arg_article={json.dumps(str(article))}; "
             f"_G.arg_python={json.dumps(sys.executable)}")
    completed = subprocess.run([NVIM, "--headless", "--clean", "-c", setup, "-c", f"luafile {script}"],
                               capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.is_file(), completed.stdout + completed.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["got_diagnostics"] is True
    # Neovim turns the server's UTF-16 positions into byte columns of its buffer: "’" is three
    # bytes and the rocket four, so these land exactly on the spaces and the apostrophe.
    assert sorted((d["code"], d["lnum"], d["col"], d["end_col"]) for d in report["diagnostics"]) == [
        ("typography.double-space", 2, 28, 30), ("typography.mixed-apostrophes", 2, 34, 35)]
    line = article.read_bytes().split(b"\n")[2]
    assert (line[28:30], line[34:35]) == (b"  ", b"'")
    assert report["actions"] == ["Fix all safe copydesk findings in this file"]
    assert report["text"] == "Musk’s visit\n\nTesla’s chief 🚀 landed. Musk’s plane is Tesla’s."
    assert report["cleared"] is True
    assert article.read_text(encoding="utf-8").count("  ") == 1  # the editor's buffer changed, not the file
