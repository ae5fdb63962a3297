// How dependency-cruiser reads TypeScript here. Its own TypeScript reader needs the
// compiler's JavaScript API, which TypeScript 7 (the native compiler this project uses)
// no longer ships, so Babel strips the types instead. Babel drops type-only imports,
// and a type import still ties two folders together, so the plugin below first adds a
// bare `import "x"` for each of them: the layer rules see every edge tsc sees.
// Named so Next.js never mistakes it for the app's Babel config.
function keepTypeOnlyImports({ types: t }) {
  const typeOnly = (node) =>
    node.importKind === "type" ||
    node.exportKind === "type" ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
  return {
    visitor: {
      Program(path) {
        for (const node of path.node.body) {
          const isModuleEdge =
            t.isImportDeclaration(node) ||
            ((t.isExportNamedDeclaration(node) || t.isExportAllDeclaration(node)) && node.source);
          if (isModuleEdge && typeOnly(node)) {
            path.pushContainer("body", t.importDeclaration([], t.stringLiteral(node.source.value)));
          }
        }
      },
    },
  };
}

module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [keepTypeOnlyImports],
  presets: [["@babel/preset-typescript", { onlyRemoveTypeImports: true }]],
};
