export default function Privacy() {
  return (
    <main>
      <h1>Privacy policy</h1>
      <p>Try-on photos stay on your device unless you share one.</p>
    </main>
  );
}
