// Tailwind CSS 4 through its PostCSS plugin (works with Turbopack and webpack).
export default { plugins: { "@tailwindcss/postcss": {} } };
