-- copydesk in Neovim: copy this file to ~/.config/nvim/plugin/copydesk.lua (or paste it into
-- init.lua). Needs `copydesk` on PATH.

if vim.fn.has("nvim-0.11") == 1 then
  vim.lsp.config("copydesk", {
    cmd = { "copydesk", "server" },
    filetypes = { "markdown", "text" },
    -- The folder holding lint-rules.toml (or the repository) is the workspace root.
    root_markers = { "lint-rules.toml", ".git" },
  })
  vim.lsp.enable("copydesk")
else
  -- Neovim 0.10
  vim.api.nvim_create_autocmd("FileType", {
    pattern = { "markdown", "text" },
    callback = function(args)
      vim.lsp.start({
        name = "copydesk",
        cmd = { "copydesk", "server" },
        root_dir = vim.fs.root(args.buf, { "lint-rules.toml", ".git" }),
      })
    end,
  })
end
