#!/usr/bin/python3
"""Writes a notebook (.ipynb, tslab kernel) from a plain-text source where cells are separated
by lines `# %% [markdown]` or `# %%`. Lets notebooks be reviewed and edited as text.
Usage: /usr/bin/python3 scripts/make-notebook.py notebooks/text/NAME.ts.txt notebooks/NAME.ipynb"""
import json, sys, hashlib

def cells_of(text):
    cells, kind, lines = [], None, []
    def flush():
        if kind is not None and any(l.strip() for l in lines):
            src = '\n'.join(lines).strip('\n')
            cid = hashlib.sha1(f'{len(cells)}:{src}'.encode()).hexdigest()[:8]
            cell = {'cell_type': kind, 'id': cid, 'metadata': {}, 'source': src}
            if kind == 'code':
                cell.update(execution_count=None, outputs=[])
            cells.append(cell)
    for line in text.split('\n'):
        if line.startswith('# %%'):
            flush()
            kind, lines = ('markdown' if '[markdown]' in line else 'code'), []
        elif kind == 'markdown':
            lines.append(line[2:] if line.startswith('# ') else line.lstrip('#'))
        else:
            lines.append(line)
    flush()
    return cells

src, dst = sys.argv[1], sys.argv[2]
nb = {
    'cells': cells_of(open(src, encoding='utf8').read()),
    'metadata': {
        'kernelspec': {'name': 'tslab', 'display_name': 'TypeScript', 'language': 'typescript'},
        'language_info': {'name': 'typescript', 'file_extension': '.ts'},
    },
    'nbformat': 4, 'nbformat_minor': 5,
}
with open(dst, 'w', encoding='utf8') as f:
    json.dump(nb, f, ensure_ascii=False, indent=1)
    f.write('\n')
