fn main() {
    cloudlink::start();
}
