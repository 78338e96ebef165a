"""The demo shop's recipe (recipe.json), read by engine.demo through importlib.resources."""
