// Human-readable descriptions of a model description (for failure messages):
// every tensor with dtype, shape, quantization and whether it is constant,
// every operator with its options.
function num(x) {
  return Number.isInteger(x) ? String(x) : Number(x).toPrecision(6);
}

export function describeQuant(q) {
  if (!q) return '';
  const scales = Array.isArray(q.scale) || ArrayBuffer.isView(q.scale) ? Array.from(q.scale) : null;
  if (!scales) return ` q(scale=${num(q.scale)}, zp=${q.zeroPoint ?? 0})`;
  const zps = Array.from(q.zeroPoint ?? []);
  const allZero = zps.every((z) => Number(z) === 0);
  const shown = scales.length <= 8 ? scales.map(num).join(',') : `${scales.slice(0, 6).map(num).join(',')},… (${scales.length})`;
  return ` q(per-channel axis ${q.axis ?? 0}: scales [${shown}], zp ${allZero ? '0' : `[${zps.join(',')}]`})`;
}

export function describeTensor(t, i) {
  return `#${i} '${t.name}' ${t.dtype}[${t.shape.join(',')}]${describeQuant(t.quant)}${t.data !== undefined && t.data !== null ? ' const' : ''}`;
}

export function describeModel(model) {
  const name = (r) => (r === -1 ? '-' : typeof r === 'number' ? model.tensors[r]?.name ?? `#${r}` : r);
  const lines = model.tensors.map((t, i) => `  tensor ${describeTensor(t, i)}`);
  model.operators.forEach((o, i) => {
    const opts = o.options ? ` ${o.options.type} ${JSON.stringify(o.options.fields || {})}` : '';
    const custom = o.customCode ? ` custom '${o.customCode}'` : '';
    lines.push(`  op ${i}: ${o.op} v${o.version ?? 1}${custom} (${o.inputs.map(name).join(', ')}) -> (${o.outputs.map(name).join(', ')})${opts}`);
  });
  lines.push(`  graph inputs (${model.inputs.map(name).join(', ')}) outputs (${model.outputs.map(name).join(', ')})`);
  return lines.join('\n');
}
